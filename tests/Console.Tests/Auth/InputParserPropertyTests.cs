using System.Text;
using AirisEpm.WebConsole.Apps;
using AirisEpm.WebConsole.Auth;
using AirisEpm.WebConsole.Proxy;
using AirisEpm.WebConsole.Users;
using CsCheck;

namespace AirisEpm.Console.Tests.Auth;

/// <summary>
/// CsCheck properties of the console's readers of outside input: daprd's error bodies, the services' /health JSON,
/// return URLs and account names. Random and mutated input gives an answer or an expected "no", never an exception.
/// </summary>
public sealed class InputParserPropertyTests
{
    private static readonly string[] Seeds =
    [
        "{\"errorCode\":\"ERR_DIRECT_INVOKE\",\"message\":\"failed to invoke\"}",
        "{\"status\":\"Degraded\",\"checks\":[{\"name\":\"dapr-sidecar\",\"status\":\"Healthy\"},{\"name\":\"store\",\"status\":\"Degraded\",\"error\":\"slow\"}]}",
        "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}",
    ];

    /// <summary>A seed with a few characters replaced, inserted or cut, or plain random text.</summary>
    private static readonly Gen<string> Mutated = Gen.OneOf(
        Gen.Select(Gen.Int[0, Seeds.Length - 1].Select(i => Seeds[i]), Gen.Select(Gen.Int[0, 200], Gen.Char[' ', '~'], Gen.Int[0, 2]).Array[1, 6], (seed, edits) =>
        {
            var text = new StringBuilder(seed);
            foreach (var (at, c, kind) in edits)
            {
                var i = Math.Min(at, text.Length);
                if (kind == 0 && i < text.Length) text[i] = c;
                else if (kind == 1) text.Insert(i, c);
                else if (i < text.Length) text.Remove(i, 1);
            }

            return text.ToString();
        }),
        Gen.String[Gen.Char[(char)0, (char)0x3ff], 0, 120]);

    [Fact]
    public void Dapr_error_bodies_parse_or_are_not_daprs_never_throw()
    {
        Mutated.Sample(text =>
        {
            var parsed = DaprErrorBody.TryParse(Encoding.UTF8.GetBytes(text));
            Assert.True(parsed is null || parsed.Value.Code.StartsWith("ERR_", StringComparison.Ordinal));
        }, iter: 5000);
        Assert.Equal(("ERR_DIRECT_INVOKE", "failed to invoke"), DaprErrorBody.TryParse(Encoding.UTF8.GetBytes(Seeds[0])));
        Assert.Null(DaprErrorBody.TryParse(Encoding.UTF8.GetBytes(Seeds[2])));
    }

    [Fact]
    public void Health_json_reads_into_a_row_of_known_states_never_throws()
    {
        Mutated.Sample(text =>
        {
            var row = HealthReading.Read("metrics-service", text);
            Assert.Contains(row.Health, new[] { "Healthy", "Degraded", "Unhealthy" });
            Assert.Contains(row.Sidecar, new[] { "Healthy", "Unreachable" });
        }, iter: 5000);
        var degraded = HealthReading.Read("alert-service", Seeds[1]);
        Assert.Equal(new AppStatus("alert-service", "Degraded", "Healthy", "store: slow"), degraded);
    }

    [Fact]
    public void Only_paths_of_this_site_are_local()
    {
        Gen.String[Gen.Char[(char)0, (char)0x7f], 0, 40].Sample(url =>
        {
            if (SessionApi.IsLocal(url))
            {
                Assert.True(Uri.TryCreate(new Uri("https://console.example/"), url, out var resolved) && resolved.Host == "console.example", url);
            }
        }, iter: 5000);
        Assert.True(SessionApi.IsLocal("/alerts?tab=silences"));
        Assert.False(SessionApi.IsLocal("//evil.example"));
        Assert.False(SessionApi.IsLocal("/\\evil.example"));
        Assert.False(SessionApi.IsLocal("https://evil.example/"));
    }

    [Fact]
    public void Account_names_are_the_documented_alphabet()
    {
        Gen.String[Gen.Char[(char)0, (char)0x17f], 0, 80].Sample(name =>
        {
            if (AccountNames.IsValid(name))
            {
                Assert.InRange(name.Length, 1, 64);
                Assert.All(name, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || "._@-".Contains(c), name));
            }
        }, iter: 5000);
        Assert.True(AccountNames.IsValid(AccountNames.Normalize(" Alice@Example.org ")));
        Assert.False(AccountNames.IsValid("-dash-first"));
        Assert.False(AccountNames.IsValid("admin\n"), "'$' would let a trailing newline through");
    }
}
