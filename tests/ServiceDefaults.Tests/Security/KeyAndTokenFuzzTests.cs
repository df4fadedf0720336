using System.Net;
using System.Net.Http.Headers;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Tests.Hosting;
using AirisEpm.TestSupport;
using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace AirisEpm.ServiceDefaults.Tests.Security;

/// <summary>
/// Key documents come from configuration and secret stores, tokens from anyone: random and mutated
/// input must be refused with a <see cref="FormatException"/> (keys) or a 401 (tokens), never crash.
/// </summary>
public sealed class KeyAndTokenFuzzTests
{
    private static readonly SigningKeyPair Pair = SigningKeyPair.Generate("fuzz-key");

    /// <summary>A valid document with characters replaced, inserted or removed at random places.</summary>
    private static Gen<string> Mutated(string valid) =>
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Char, Gen.Int[0, 2]).Array[1, 8].Select(edits =>
        {
            var text = valid;
            foreach (var (at, c, kind) in edits)
            {
                var i = Math.Min(at, Math.Max(text.Length - 1, 0));
                text = kind switch
                {
                    0 when text.Length > 0 => text.Remove(i, 1).Insert(i, c.ToString()),
                    1 => text.Insert(i, c.ToString()),
                    _ when text.Length > 0 => text.Remove(i, 1),
                    _ => text,
                };
            }

            return text;
        });

    private static void OnlyFormatErrors(Action parse)
    {
        try
        {
            parse();
        }
        catch (FormatException)
        {
        }
    }

    [Fact]
    public void Key_sets_parse_or_fail_with_a_format_error()
    {
        var valid = SigningKeyPair.KeySet(Pair.PublicJwk);
        Gen.OneOf(Gen.String, Mutated(valid), Mutated(DevelopmentKeys.Jwks))
            .Sample(text => OnlyFormatErrors(() => SigningKeys.ParseKeySet(text)), iter: 3000);
    }

    [Fact]
    public void Private_keys_parse_or_fail_with_a_format_error()
    {
        Gen.OneOf(Gen.String, Mutated(Pair.PrivateJwk))
            .Sample(text => OnlyFormatErrors(() => SigningKeys.ParsePrivateKey(text)), iter: 3000);
    }

    /// <summary>Base64url leaves a few bits of the last character unused: such a "mutation" is still the valid token.</summary>
    private static bool SameBytes(string token, string valid)
    {
        static string[]? Decode(string t)
        {
            try
            {
                return t.Split('.').Select(p => Convert.ToHexString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(p))).ToArray();
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return Decode(token) is { } a && Decode(valid) is { } b && a.SequenceEqual(b);
    }

    [Fact]
    public async Task Random_and_mutated_bearer_tokens_are_401_never_an_error()
    {
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/secured", () => "ok").RequireAuthorization(Permissions.Admin),
            new Dictionary<string, string?> { ["Auth:UseDevelopmentKeys"] = "false", ["Auth:Jwks"] = SigningKeyPair.KeySet(Pair.PublicJwk) });
        var client = app.GetTestClient();
        var valid = TokenIssuer.Mint(SigningKeys.ParsePrivateKey(Pair.PrivateJwk), "airis-epm", [TestApp.AppId], "fuzz", [Permissions.Admin], TimeSpan.FromMinutes(5));
        var tokens = Gen.OneOf(Gen.String[Gen.Char.AlphaNumeric, 1, 400], Mutated(valid)).Where(t => !SameBytes(t, valid)).Array[300].Single();

        foreach (var token in tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/secured");
            if (!AuthenticationHeaderValue.TryParse("Bearer " + token, out var header)) continue;
            request.Headers.Authorization = header;
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"token '{token}' answered {(int)response.StatusCode}");
        }

        using var ok = new HttpRequestMessage(HttpMethod.Get, "/secured");
        ok.Headers.Authorization = new AuthenticationHeaderValue("Bearer", valid);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ok, TestContext.Current.CancellationToken)).StatusCode);
    }
}
