using System.Buffers.Text;
using AirisEpm.ServiceDefaults.Secrets;

namespace AirisEpm.ServiceDefaults.Tests.Secrets;

public sealed class FieldProtectorTests
{
    private const string Path = "receivers[2].webhook_configs[0].url";

    [Theory]
    [InlineData("https://hooks.example/alert?token=s3cr3t")]
    [InlineData("")]
    [InlineData("pässwörd 🔑 with \"quotes\" and\nnew lines")]
    public void A_value_round_trips(string plaintext)
    {
        var protector = TestKeys.OnlyK1();

        var envelope = protector.Protect(plaintext, Path);

        Assert.Equal(plaintext, protector.Unprotect(envelope, Path));
    }

    [Fact]
    public void The_envelope_names_version_and_key_and_carries_nonce_ciphertext_and_tag()
    {
        var envelope = TestKeys.OnlyK1().Protect("abc", Path);

        Assert.StartsWith("enc:v1:k1:", envelope);
        Assert.True(FieldProtector.IsEnvelope(envelope));
        var payload = Payload(envelope);
        Assert.Equal(FieldEnvelope.NonceSize + 3 + FieldEnvelope.TagSize, payload.Length);
        Assert.DoesNotContain("abc", envelope);
    }

    [Fact]
    public void Two_encryptions_of_one_value_differ()
    {
        var protector = TestKeys.OnlyK1();

        var first = protector.Protect("same", Path);
        var second = protector.Protect("same", Path);

        Assert.NotEqual(first, second);
        Assert.NotEqual(Payload(first)[..FieldEnvelope.NonceSize], Payload(second)[..FieldEnvelope.NonceSize]);
    }

    [Fact]
    public void A_value_moved_to_another_field_fails()
    {
        var protector = TestKeys.OnlyK1();
        var envelope = protector.Protect("secret", Path);

        var error = Assert.Throws<FieldDecryptionException>(() => protector.Unprotect(envelope, "receivers[1].webhook_configs[0].url"));

        Assert.Equal(FieldDecryptionFailure.NotAuthentic, error.Failure);
        Assert.Equal("receivers[1].webhook_configs[0].url", error.FieldPath);
    }

    [Fact]
    public void A_value_sealed_with_a_key_the_ring_does_not_hold_fails()
    {
        var envelope = TestKeys.Protector("k2", ("k2", TestKeys.K2)).Protect("secret", Path);

        var error = Assert.Throws<FieldDecryptionException>(() => TestKeys.OnlyK1().Unprotect(envelope, Path));

        Assert.Equal(FieldDecryptionFailure.UnknownKey, error.Failure);
        Assert.Equal("k2", error.KeyId);
        Assert.Contains("'k2'", error.Message);
    }

    [Fact]
    public void A_value_relabelled_with_another_known_key_id_fails()
    {
        var both = TestKeys.Protector("k1", ("k1", TestKeys.K1), ("k2", TestKeys.K2));
        var envelope = both.Protect("secret", Path);

        var error = Assert.Throws<FieldDecryptionException>(() => both.Unprotect(envelope.Replace("enc:v1:k1:", "enc:v1:k2:"), Path));

        Assert.Equal(FieldDecryptionFailure.NotAuthentic, error.Failure);
    }

    [Fact]
    public void Every_single_flipped_bit_of_the_payload_fails()
    {
        var protector = TestKeys.OnlyK1();
        var envelope = protector.Protect("tok", Path);
        var prefix = envelope[..envelope.LastIndexOf(':')];
        var payload = Payload(envelope);

        for (var bit = 0; bit < payload.Length * 8; bit++)
        {
            var flipped = payload.ToArray();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var tampered = $"{prefix}:{Base64Url.EncodeToString(flipped)}";

            var error = Assert.Throws<FieldDecryptionException>(() => protector.Unprotect(tampered, Path));
            Assert.Equal(FieldDecryptionFailure.NotAuthentic, error.Failure);
        }
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("enc:v2:k1:AAAA")]
    [InlineData("enc:v1:k1")]
    [InlineData("enc:v1::AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("enc:v1:k1:AAAA")]
    [InlineData("enc:v1:k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("enc:v1:k1:AAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAA")]
    public void Text_that_is_not_a_canonical_envelope_is_malformed(string text)
    {
        var error = Assert.Throws<FieldDecryptionException>(() => TestKeys.OnlyK1().Unprotect(text, Path));

        Assert.Equal(FieldDecryptionFailure.Malformed, error.Failure);
    }

    [Fact]
    public void The_message_names_the_field_never_the_value()
    {
        var protector = TestKeys.OnlyK1();
        var envelope = protector.Protect("hunter2", Path);

        var error = Assert.Throws<FieldDecryptionException>(() => protector.Unprotect(envelope, "other"));

        Assert.Contains("'other'", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.DoesNotContain(envelope, error.Message);
    }

    private static byte[] Payload(string envelope) => Base64Url.DecodeFromChars(envelope.AsSpan(envelope.LastIndexOf(':') + 1));
}
