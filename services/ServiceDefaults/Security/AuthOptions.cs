namespace AirisEpm.ServiceDefaults.Security;

/// <summary>
/// JWT bearer settings (section <c>Auth</c>). Tokens are ES256: issuers sign with a private key,
/// every service validates with the public JSON Web Key Set (JWKS). A token's audience names the
/// services it is for, and each service accepts only tokens naming it (its app id).
/// Keys come, in this order, from the development key pair (<see cref="UseDevelopmentKeys"/>, only in
/// Development), from configuration (<see cref="Jwks"/>, <see cref="SigningKey"/>), or from the Dapr
/// secret store (<see cref="JwksSecretName"/>, <see cref="SigningKeySecretName"/>).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Secret holding the public key set; every service may read it.</summary>
    public const string JwksSecretName = "auth-jwks";

    /// <summary>Secret holding the private signing key; Dapr secret scoping lets only the issuers read it.</summary>
    public const string SigningKeySecretName = "auth-signing-key";

    /// <summary>Off only in Development; outside it the service refuses to start.</summary>
    public bool Enabled { get; set; } = true;

    public string Issuer { get; set; } = "airis-epm";

    /// <summary>
    /// The published key pair of <see cref="DevelopmentKeys"/>. Anyone can read it in this repository,
    /// so a service outside Development refuses to start with it.
    /// </summary>
    public bool UseDevelopmentKeys { get; set; }

    /// <summary>The JWKS (public keys, each with a <c>kid</c>) as JSON, when not read from the secret store.</summary>
    public string Jwks { get; set; } = "";

    /// <summary>The issuer's private key as a JWK (EC P-256 with <c>d</c> and <c>kid</c>), when not read from the secret store.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// How often the key set is read again. Rotation: publish the new key in the JWKS beside the old,
    /// wait this long, switch the issuers to the new key, and drop the old one once its tokens expired.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of the tokens a service mints to call another on its own behalf.</summary>
    public TimeSpan ServiceTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
