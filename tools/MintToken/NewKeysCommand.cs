using System.Text.Json;
using System.Text.Json.Nodes;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.MintToken;

/// <summary>
/// <c>MintToken new-keys [--kid id] [--keep jwks.json]</c> prints a fresh ES256 key pair as the two
/// secrets the services read: <c>auth-signing-key</c> (private; give it to the issuers only) and
/// <c>auth-jwks</c> (public; every service). The output is a JSON object that fits a Dapr local-file
/// secret store as it is. <c>--keep</c> adds the keys of an existing JWKS, so the old key stays valid
/// while its tokens expire (rotation).
/// </summary>
public static class NewKeysCommand
{
    public const string Name = "new-keys";
    public const string Usage = "new-keys [--kid id] [--keep existing-jwks.json]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var kid = $"airis-{DateTime.UtcNow:yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}";
        var kept = new List<string>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || args[i] is not ("--kid" or "--keep"))
            {
                error.WriteLine($"usage: MintToken {Usage}");
                return 2;
            }

            if (args[i] == "--kid")
            {
                kid = args[i + 1];
                continue;
            }

            try
            {
                var existing = File.ReadAllText(args[i + 1]);
                SigningKeys.ParseKeySet(existing);
                kept.AddRange(JsonNode.Parse(existing)!["keys"]!.AsArray().Select(k => k!.ToJsonString()));
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException or JsonException)
            {
                error.WriteLine($"--keep {args[i + 1]}: {ex.Message}");
                return 2;
            }
        }

        var pair = SigningKeyPair.Generate(kid);
        var secrets = new JsonObject
        {
            [AuthOptions.SigningKeySecretName] = pair.PrivateJwk,
            [AuthOptions.JwksSecretName] = SigningKeyPair.KeySet([pair.PublicJwk, .. kept]),
        };
        output.WriteLine(secrets.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
