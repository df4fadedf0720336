using System.Collections;
using System.Globalization;
using System.Text;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.MintToken;

/// <summary>
/// <c>dotnet run --project tools/MintToken -- metrics:read metrics:write [--subject name] [--hours n]</c>
/// prints a bearer token the services accept. The key, issuer and audience come from the same
/// settings the services read (<c>Auth__SigningKey</c>, <c>Auth__Issuer</c>, <c>Auth__Audience</c>);
/// without a key it signs with the published development key and says so on stderr.
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
        if (!TryParse(args, out var request, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine($"usage: MintToken <permission>... [--subject name] [--hours n]; permissions: {string.Join(' ', Permissions.All)}");
            return 2;
        }

        var options = new AuthOptions
        {
            SigningKey = environment["Auth__SigningKey"] as string ?? "",
            Issuer = environment["Auth__Issuer"] as string is { Length: > 0 } issuer ? issuer : new AuthOptions().Issuer,
            Audience = environment["Auth__Audience"] as string is { Length: > 0 } audience ? audience : new AuthOptions().Audience,
        };
        if (options.SigningKey.Length == 0)
        {
            options.SigningKey = AuthOptions.DevelopmentSigningKey;
            error.WriteLine("note: Auth__SigningKey is not set; signing with the development key, which only Development services accept.");
        }
        else if (Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
        {
            error.WriteLine("Auth__SigningKey must be at least 32 bytes long, as the services require.");
            return 2;
        }

        output.WriteLine(TokenIssuer.Mint(options, request.Subject, request.Permissions, TimeSpan.FromHours(request.Hours)));
        return 0;
    }

    private sealed record Request(List<string> Permissions, string Subject, double Hours);

    private static bool TryParse(IReadOnlyList<string> args, out Request request, out string problem)
    {
        request = new Request([], DefaultSubject, DefaultHours);
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--subject" or "--hours")
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
