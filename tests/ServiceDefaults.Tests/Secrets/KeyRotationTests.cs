using AirisEpm.ServiceDefaults.Secrets;

namespace AirisEpm.ServiceDefaults.Tests.Secrets;

public sealed class KeyRotationTests
{
    private const string Path = "global.smtp_auth_password";

    [Fact]
    public void A_value_sealed_with_k1_decrypts_after_k2_becomes_active_and_reencryption_moves_it_to_k2()
    {
        var sealedWithK1 = TestKeys.OnlyK1().Protect("s3cr3t", Path);
        var afterRotation = TestKeys.Protector("k2", ("k1", TestKeys.K1), ("k2", TestKeys.K2));

        Assert.Equal("s3cr3t", afterRotation.Unprotect(sealedWithK1, Path));

        var moved = afterRotation.Reencrypt(sealedWithK1, Path);
        Assert.StartsWith("enc:v1:k2:", moved);

        var k1Retired = TestKeys.Protector("k2", ("k2", TestKeys.K2));
        Assert.Equal("s3cr3t", k1Retired.Unprotect(moved, Path));
        Assert.Equal(FieldDecryptionFailure.UnknownKey, Assert.Throws<FieldDecryptionException>(() => k1Retired.Unprotect(sealedWithK1, Path)).Failure);
    }

    [Fact]
    public void New_values_are_sealed_with_the_active_key()
    {
        var protector = TestKeys.Protector("k2", ("k1", TestKeys.K1), ("k2", TestKeys.K2));

        Assert.Equal("k2", protector.ActiveKeyId);
        Assert.StartsWith("enc:v1:k2:", protector.Protect("x", Path));
    }
}
