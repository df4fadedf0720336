using System.Security.Cryptography;
using AirisEpm.ServiceDefaults.Secrets;

namespace AirisEpm.ServiceDefaults.Tests.Secrets;

internal static class TestKeys
{
    public static readonly byte[] K1 = RandomNumberGenerator.GetBytes(FieldKeyRing.KeySize);

    public static readonly byte[] K2 = RandomNumberGenerator.GetBytes(FieldKeyRing.KeySize);

    public static FieldKeyRing Ring(string active, params (string Kid, byte[] Key)[] keys) =>
        new(active, keys.ToDictionary(k => k.Kid, k => k.Key));

    public static FieldProtector Protector(string active, params (string Kid, byte[] Key)[] keys) => new(Ring(active, keys));

    public static FieldProtector OnlyK1() => Protector("k1", ("k1", K1));
}
