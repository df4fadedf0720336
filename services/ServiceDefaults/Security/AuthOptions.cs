using System.ComponentModel.DataAnnotations;

namespace AirisEpm.ServiceDefaults.Security;

/// <summary>JWT bearer settings (section <c>Auth</c>). HS256 with a shared signing key.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The documented key for local development. Anyone can read it here, so a service outside
    /// the Development environment refuses to start with it.
    /// </summary>
    public const string DevelopmentSigningKey = "airis-epm-local-development-signing-key-do-not-use-in-production";

    /// <summary>Off only in Development; outside it the service refuses to start.</summary>
    public bool Enabled { get; set; } = true;

    [Required]
    public string Issuer { get; set; } = "airis-epm";

    [Required]
    public string Audience { get; set; } = "airis-epm";

    /// <summary>HMAC-SHA256 key, at least 32 bytes. Comes from the secret store or the environment.</summary>
    public string SigningKey { get; set; } = "";
}
