using AirisEpm.ServiceDefaults.Secrets;

namespace AirisEpm.ServiceDefaults.Tests.Secrets;

public sealed class FieldKeyRingTests
{
    private static readonly string K1 = Convert.ToBase64String(TestKeys.K1);
    private static readonly string K2 = Convert.ToBase64String(TestKeys.K2);

    [Fact]
    public void The_secret_json_builds_the_ring()
    {
        var ring = FieldKeyRing.FromJson($$$"""{"active":"k2","keys":{"k1":"{{{K1}}}","k2":"{{{K2}}}"}}""");

        Assert.Equal("k2", ring.ActiveKeyId);
        Assert.Equal(["k1", "k2"], ring.KeyIds.Order());
        var sealedWithK1 = new FieldProtector(new FieldKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = TestKeys.K1 })).Protect("v", "p");
        Assert.Equal("v", new FieldProtector(ring).Unprotect(sealedWithK1, "p"));
    }

    [Fact]
    public void The_options_build_the_ring_and_accept_base64url_keys()
    {
        var options = new ConfigEncryptionOptions { ActiveKeyId = "k1", Keys = { ["k1"] = K1.TrimEnd('=').Replace('+', '-').Replace('/', '_') } };

        Assert.Equal("k1", FieldKeyRing.FromOptions(options).ActiveKeyId);
    }

    [Theory]
    [InlineData("""{"active":"k3","keys":{"k1":"K1"}}""", "'k3', which is not one of")]
    [InlineData("""{"keys":{"k1":"K1"}}""", "ActiveKeyId must name")]
    [InlineData("""{"active":"k1","keys":{"k1":"c2hvcnQ="}}""", "Keys:k1 must be base64 of exactly 32 bytes")]
    [InlineData("""{"active":"k1","keys":{"k1":"not base64!"}}""", "Keys:k1 must be base64 of exactly 32 bytes")]
    [InlineData("""{"active":"a:b","keys":{"a:b":"K1"}}""", "key id 'a:b'")]
    [InlineData("""{"active":"k1","keys":{}}""", "has no keys")]
    [InlineData("""{"active":"k1","keys":["K1"]}""", "\"keys\" must be an object")]
    [InlineData("""["k1"]""", "must be an object")]
    public void A_bad_ring_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => FieldKeyRing.FromJson(json.Replace("K1", K1)));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Invalid_json_is_reported_by_position_without_echoing_the_document()
    {
        var error = Assert.Throws<ArgumentException>(() => FieldKeyRing.FromJson($$"""{"active":"k1","keys":{"k1":"{{K1}}" oops}"""));

        Assert.Contains("not valid JSON (line 1", error.Message);
        Assert.DoesNotContain(K1, error.ToString());
        Assert.DoesNotContain("oops", error.ToString());
    }

    [Fact]
    public void The_constructor_guards_key_sizes_and_the_active_key()
    {
        Assert.Throws<ArgumentException>(() => new FieldKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[16] }));
        Assert.Throws<ArgumentException>(() => new FieldKeyRing("k2", new Dictionary<string, byte[]> { ["k1"] = TestKeys.K1 }));
    }
}
