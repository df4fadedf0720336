using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.ServiceDefaults.Secrets;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// Keeps the <see cref="SecretFields"/> of the routing configuration encrypted at rest. The stored
/// YAML holds each secret as an envelope bound to its path (see <see cref="FieldEnvelope"/>); the
/// parser, and so the engine, sees plaintext in memory only; the API shows <see cref="SecretFields.Redacted"/>.
/// A plaintext secret (a configuration stored before encryption, or the configuration file) is read
/// as it is and encrypted when the configuration is next saved.
/// </summary>
public sealed class AlertingConfigSecrets(FieldProtector protector)
{
    /// <summary>
    /// <paramref name="storedYaml"/> with every envelope decrypted. Throws
    /// <see cref="FieldDecryptionException"/> when one cannot be (its key retired, or the value altered).
    /// </summary>
    public RevealedConfig Reveal(string storedYaml)
    {
        var secrets = new List<string>();
        var yaml = SecretFieldRewriter.Rewrite(storedYaml, field =>
        {
            var plaintext = FieldProtector.IsEnvelope(field.Value) ? protector.Unprotect(field.Value, field.Path) : field.Value;
            secrets.Add(plaintext);
            return plaintext == field.Value ? null : plaintext;
        });
        return new RevealedConfig(yaml, secrets);
    }

    /// <summary>
    /// A submitted document with its secrets in plaintext: <see cref="SecretFields.Redacted"/> takes
    /// the value stored at the same path in <paramref name="previousStoredYaml"/>; an envelope (a
    /// stored document sent back whole) is decrypted; any other value is a new secret. Throws
    /// <see cref="ConfigException"/> naming each path whose value cannot be had.
    /// </summary>
    public RevealedConfig Resolve(string submittedYaml, string previousStoredYaml)
    {
        var errors = new List<ConfigError>();
        var secrets = new List<string>();
        Dictionary<string, string>? previous = null;
        var yaml = SecretFieldRewriter.Rewrite(submittedYaml, field =>
        {
            string? plaintext;
            if (field.Value == SecretFields.Redacted)
            {
                previous ??= SecretFieldRewriter.Find(previousStoredYaml).ToDictionary(f => f.Path, f => f.Value);
                plaintext = previous.TryGetValue(field.Path, out var stored) && stored != SecretFields.Redacted
                    ? Open(stored, field.Path, errors)
                    : Missing(field.Path, errors);
            }
            else
            {
                plaintext = FieldProtector.IsEnvelope(field.Value) ? Open(field.Value, field.Path, errors) : field.Value;
            }

            if (plaintext is null) return null;
            secrets.Add(plaintext);
            return plaintext == field.Value ? null : plaintext;
        });
        return errors.Count > 0 ? throw new ConfigException(errors) : new RevealedConfig(yaml, secrets);
    }

    /// <summary>The YAML to store: every secret field's plaintext replaced by its envelope under the active key.</summary>
    public string Protect(string plaintextYaml) =>
        SecretFieldRewriter.Rewrite(plaintextYaml, field => protector.Protect(field.Value, field.Path));

    /// <summary>The YAML to show: every secret field's value replaced by <see cref="SecretFields.Redacted"/>.</summary>
    public static string Redact(string yaml) => SecretFieldRewriter.Rewrite(yaml, _ => SecretFields.Redacted);

    private string? Open(string value, string path, List<ConfigError> errors)
    {
        if (!FieldProtector.IsEnvelope(value)) return value;
        try
        {
            return protector.Unprotect(value, path);
        }
        catch (FieldDecryptionException ex)
        {
            errors.Add(new ConfigError(path, $"{ex.Message} Send the value itself instead."));
            return null;
        }
    }

    private static string? Missing(string path, List<ConfigError> errors)
    {
        errors.Add(new ConfigError(path, $"{SecretFields.Redacted} keeps the secret stored at this path, but none is stored here; send the value itself"));
        return null;
    }
}
