using AirisEpm.ServiceDefaults.Secrets;
using CsCheck;

namespace AirisEpm.ServiceDefaults.Tests.Secrets;

/// <summary>Whatever text reaches the decryptor, the only failure it reports is <see cref="FieldDecryptionException"/>.</summary>
public sealed class FieldDecryptionPropertyTests
{
    private const string Path = "receivers[0].webhook_configs[0].url";

    private static readonly FieldProtector Protector = TestKeys.Protector("k1", ("k1", TestKeys.K1), ("k2", TestKeys.K2));

    private static readonly Gen<string> EnvelopeAlphabet =
        Gen.Char["enc:v12kKA-_=+/ \n0aZ"].Array[0, 80].Select(chars => new string(chars));

    /// <summary>A real envelope with one edit that changes it: a character replaced, inserted or removed, or the text cut short.</summary>
    private static readonly Gen<string> Mutated =
        from plaintext in Gen.String[0, 40]
        let envelope = Protector.Protect(plaintext, Path)
        from position in Gen.Int[0, envelope.Length - 1]
        from edit in Gen.Int[0, 3]
        from c in Gen.Char
        let mutated = edit switch
        {
            0 => envelope[..position] + c + envelope[(position + 1)..],
            1 => envelope.Insert(position, c.ToString()),
            2 => envelope.Remove(position, 1),
            _ => envelope[..position],
        }
        where mutated != envelope
        select mutated;

    [Fact]
    public void Random_text_fails_only_with_the_decryption_exception() =>
        Gen.OneOf(Gen.String, EnvelopeAlphabet, EnvelopeAlphabet.Select(s => "enc:v1:k1:" + s)).Sample(AssertRefused, iter: 5_000);

    [Fact]
    public void Mutated_envelopes_fail_only_with_the_decryption_exception() =>
        Mutated.Sample(AssertRefused, iter: 5_000);

    private static void AssertRefused(string text)
    {
        try
        {
            Protector.Unprotect(text, Path);
        }
        catch (FieldDecryptionException)
        {
            return;
        }

        throw new InvalidOperationException($"'{text}' decrypted");
    }
}
