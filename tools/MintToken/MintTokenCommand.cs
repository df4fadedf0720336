using System.Collections;
using System.Globalization;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.MintToken;

/// <summary>
/// <c>dotnet run --project tools/MintToken -- metrics:read metrics:write [--subject name] [--hours n] [--audience app-id]...</c>
/// prints an ES256 bearer token for the named services (all of them by default). The private key
/// (a JWK) and the issuer come from <c>Auth__SigningKey</c> and <c>Auth__Issuer</c>; without a key it
/// signs with the published development key and says so on stderr. <c>new-keys</c> prints a fresh
/// key pair instead (see <see cref="NewKeysCommand"/>).
/// </summary>
public static class MintTokenCommand
{
    public const string DefaultSubject = "local-developer";

    /// <summary>A working day: long enough for a session of manual requests, short enough to expire.</summary>
    public const double DefaultHours = 8;

    public static int Main(string[] args) =>
        Run(args, Environment.GetEnvironmentVariables(), Console.Out, Console.Error);

    public static int Run(IReadOnlyList<string> args, IDictionary environment, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (args.Count > 0 && args[0] == NewKeysCommand.Name)
        {
            return NewKeysCommand.Run(args.Skip(1).ToList(), output, error);
        }

        if (!TryParse(args, out var request, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine($"usage: MintToken <permission>... [--subject name] [--hours n] [--audience app-id]...; permissions: {string.Join(' ', Permissions.All)}");
            error.WriteLine($"       MintToken {NewKeysCommand.Usage}");
            return 2;
        }

        var issuer = environment["Auth__Issuer"] as string is { Length: > 0 } configured ? configured : new AuthOptions().Issuer;
        var keyJson = environment["Auth__SigningKey"] as string ?? "";
        if (keyJson.Length == 0)
        {
            keyJson = DevelopmentKeys.PrivateJwk;
            error.WriteLine("note: Auth__SigningKey is not set; signing with the development key, which only Development services accept.");
        }

        Microsoft.IdentityModel.Tokens.JsonWebKey key;
        try
        {
            key = SigningKeys.ParsePrivateKey(keyJson);
        }
        catch (FormatException ex)
        {
            error.WriteLine($"Auth__SigningKey: {ex.Message}");
            return 2;
        }

        var audiences = request.Audiences.Count > 0 ? request.Audiences : AppIds.All.ToList();
        output.WriteLine(TokenIssuer.Mint(key, issuer, audiences, request.Subject, request.Permissions, TimeSpan.FromHours(request.Hours)));
        return 0;
    }

    private sealed record Request(List<string> Permissions, List<string> Audiences, string Subject, double Hours);

    private static bool TryParse(IReadOnlyList<string> args, out Request request, out string problem)
    {
        request = new Request([], [], DefaultSubject, DefaultHours);
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--subject" or "--hours" or "--audience")
            {
                if (i + 1 >= args.Count)
                {
                    problem = $"{arg} needs a value.";
                    return false;
                }

                var value = args[++i];
                if (arg == "--subject")
                {
                    request = request with { Subject = value };
                }
                else if (arg == "--audience")
                {
                    if (!AppIds.All.Contains(value))
                    {
                        problem = $"--audience must be an app id ({string.Join(", ", AppIds.All)}), not '{value}'.";
                        return false;
                    }

                    request.Audiences.Add(value);
                }
                else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours > 0 && hours <= 24 * 365)
                {
                    request = request with { Hours = hours };
                }
                else
                {
                    problem = $"--hours must be a number of hours between 0 and 8760, not '{value}'.";
                    return false;
                }
            }
            else if (Permissions.All.Contains(arg))
            {
                request.Permissions.Add(arg);
            }
            else
            {
                problem = $"Unknown permission or option '{arg}'.";
                return false;
            }
        }

        if (request.Permissions.Count == 0)
        {
            problem = "Name at least one permission.";
            return false;
        }

        return true;
    }
}
