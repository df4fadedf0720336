using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>A fresh ES256 (EC P-256) key pair as JSON Web Keys: the private JWK for the issuers, the JWKS for everyone.</summary>
public sealed record SigningKeyPair(string KeyId, string PrivateJwk, string PublicJwk)
{
    public static SigningKeyPair Generate(string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(includePrivateParameters: true);
        var publicJwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["kid"] = keyId,
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.EcdsaSha256,
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
        };
        var privateJwk = (JsonObject)publicJwk.DeepClone();
        privateJwk["d"] = Base64UrlEncoder.Encode(p.D);
        return new SigningKeyPair(keyId, privateJwk.ToJsonString(), publicJwk.ToJsonString());
    }

    /// <summary>A key set of the given public JWKs, e.g. the new key beside the old one during a rotation.</summary>
    public static string KeySet(params IEnumerable<string> publicJwks)
    {
        var keys = new JsonArray();
        foreach (var jwk in publicJwks)
        {
            keys.Add(JsonNode.Parse(jwk));
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
