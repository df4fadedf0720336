namespace AirisEpm.ServiceDefaults.Secrets;

/// <summary>Why an encrypted field value could not be opened.</summary>
public enum FieldDecryptionFailure
{
    /// <summary>Not an <c>enc:v1:&lt;kid&gt;:&lt;payload&gt;</c> envelope (or not in its canonical spelling).</summary>
    Malformed,

    /// <summary>Sealed with a key id the key ring does not hold (retired too early, or another ring).</summary>
    UnknownKey,

    /// <summary>The tag did not verify: the value was altered, belongs to another field path, or to another key.</summary>
    NotAuthentic,
}
