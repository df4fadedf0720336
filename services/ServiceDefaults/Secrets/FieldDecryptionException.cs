namespace AirisEpm.ServiceDefaults.Secrets;

/// <summary>
/// An encrypted field value that cannot be opened. The message names the field and the key id,
/// never the value, so it is safe to log.
/// </summary>
public sealed class FieldDecryptionException : Exception
{
    public FieldDecryptionException(string fieldPath, FieldDecryptionFailure failure, string? keyId = null)
        : base(Describe(fieldPath, failure, keyId))
    {
        FieldPath = fieldPath;
        Failure = failure;
        KeyId = keyId;
    }

    public string FieldPath { get; }

    public FieldDecryptionFailure Failure { get; }

    public string? KeyId { get; }

    private static string Describe(string fieldPath, FieldDecryptionFailure failure, string? keyId) => failure switch
    {
        FieldDecryptionFailure.Malformed => $"The encrypted value at '{fieldPath}' is not a valid {FieldEnvelope.V1Prefix}<kid>:<payload> envelope.",
        FieldDecryptionFailure.UnknownKey => $"The encrypted value at '{fieldPath}' was sealed with key '{keyId}', which the key ring does not hold.",
        _ => $"The encrypted value at '{fieldPath}' (key '{keyId}') does not authenticate: it was altered, or it belongs to another field or another key.",
    };
}
