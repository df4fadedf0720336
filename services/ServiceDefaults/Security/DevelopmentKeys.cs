namespace AirisEpm.ServiceDefaults.Security;

/// <summary>
/// The documented ES256 key pair for local development (<c>Auth:UseDevelopmentKeys=true</c> in each
/// service's appsettings.Development.json, and what <c>tools/MintToken</c> signs with by default).
/// Published here, so only Development accepts it: outside it a service refuses to start with
/// these keys, and refuses any key set that contains <see cref="KeyId"/>.
/// </summary>
public static class DevelopmentKeys
{
    public const string KeyId = "airis-development-do-not-use-in-production";

    public const string PrivateJwk = @"{""kty"":""EC"",""crv"":""P-256"",""kid"":""airis-development-do-not-use-in-production"",""use"":""sig"",""alg"":""ES256"",""x"":""c8MVMpG642ENGcdPIEBGy4Wh6FxgXDHfDg388mMJ58s"",""y"":""s_jK3b9XBwYGpNgaAwru2yyHTjKocehWwkl14yu2ZOk"",""d"":""GBBMWhc0V0_tNBlWzLBa1H5Qno1IZF60XMjvzOmqgRo""}";

    public const string Jwks = @"{""keys"":[{""kty"":""EC"",""crv"":""P-256"",""kid"":""airis-development-do-not-use-in-production"",""use"":""sig"",""alg"":""ES256"",""x"":""c8MVMpG642ENGcdPIEBGy4Wh6FxgXDHfDg388mMJ58s"",""y"":""s_jK3b9XBwYGpNgaAwru2yyHTjKocehWwkl14yu2ZOk""}]}";
}
