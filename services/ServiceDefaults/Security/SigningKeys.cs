using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>Parsing and checks of JWK/JWKS documents, with messages that say what is wrong.</summary>
public static class SigningKeys
{
    /// <summary>The ES256 verification keys of a JWKS document; throws <see cref="FormatException"/> naming the problem.</summary>
    public static IReadOnlyList<JsonWebKey> ParseKeySet(string json)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException)
        {
            throw new FormatException($"The JWKS is not a valid JSON Web Key Set: {ex.Message}", ex);
        }

        var keys = set.Keys.Where(k => k.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve).ToList();
        if (keys.Count == 0)
        {
            throw new FormatException("The JWKS holds no EC (ES256) key.");
        }

        foreach (var key in keys)
        {
            if (string.IsNullOrEmpty(key.Kid)) throw new FormatException("Every key of the JWKS needs a kid, so tokens can name their key.");
            if (key.HasPrivateKey) throw new FormatException($"The JWKS key '{key.Kid}' holds a private part (d); publish only public keys.");
        }

        return keys;
    }

    /// <summary>The issuer's private key; throws <see cref="FormatException"/> naming the problem.</summary>
    public static JsonWebKey ParsePrivateKey(string json)
    {
        JsonWebKey key;
        try
        {
            key = new JsonWebKey(json);
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException)
        {
            throw new FormatException($"The signing key is not a valid JWK: {ex.Message}", ex);
        }

        if (key.Kty != JsonWebAlgorithmsKeyTypes.EllipticCurve || key.Crv != JsonWebKeyECTypes.P256)
        {
            throw new FormatException("The signing key must be an EC P-256 JWK (ES256).");
        }

        if (string.IsNullOrEmpty(key.Kid)) throw new FormatException("The signing key needs a kid.");
        if (!key.HasPrivateKey) throw new FormatException($"The signing key '{key.Kid}' has no private part (d).");
        return key;
    }
}
