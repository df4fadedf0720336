using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace AirisEpm.ServiceDefaults.Tests.Security;

/// <summary>The token cache is never more lenient than validating every time.</summary>
public sealed class CachingTokenHandlerTests
{
    private static readonly SigningKeyPair Pair = SigningKeyPair.Generate("cache-key");
    private static readonly SigningKeyPair Other = SigningKeyPair.Generate("cache-key");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private object _keySet = new();

    [Fact]
    public async Task A_valid_token_is_checked_once_and_each_hit_gets_its_own_identity()
    {
        var handler = Handler();
        var token = Mint(TimeSpan.FromMinutes(5));
        var first = await handler.ValidateTokenAsync(token, Parameters(Pair));
        var second = await handler.ValidateTokenAsync(token, Parameters(Pair));
        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, handler.Count);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("alice", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Contains(second.ClaimsIdentity.FindAll(Permissions.ClaimType), c => c.Value == Permissions.LogsWrite);
    }

    [Fact]
    public async Task An_expired_token_is_refused_even_though_it_was_cached()
    {
        var handler = Handler();
        var token = Mint(TimeSpan.FromMinutes(5));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Pair))).IsValid);

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(Pair))).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task A_token_with_another_signature_is_never_served_from_the_cache()
    {
        var handler = Handler();
        var token = Mint(TimeSpan.FromMinutes(5));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Pair))).IsValid);

        var forged = token[..token.LastIndexOf('.')] + "." + MintWith(Other, TimeSpan.FromMinutes(5)).Split('.')[2];
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.False((await handler.ValidateTokenAsync(forged, Parameters(Pair))).IsValid);
        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters(Pair))).IsValid);
        Assert.Equal(1, handler.Count); // refusals are not kept
    }

    [Fact]
    public async Task A_new_key_set_revalidates_cached_tokens()
    {
        var handler = Handler();
        var token = Mint(TimeSpan.FromMinutes(5));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Pair))).IsValid);

        _keySet = new object(); // the key was withdrawn: the published set no longer holds it
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(Other))).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task Remembered_answers_only_tokens_validated_before_and_still_valid()
    {
        var handler = Handler();
        var token = Mint(TimeSpan.FromMinutes(5));
        Assert.Null(handler.Remembered(token)); // never validated: the bearer handler validates it in full

        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Pair))).IsValid);
        var first = handler.Remembered(token);
        Assert.Equal("alice", first?.FindFirst("sub")?.Value);
        Assert.NotSame(first, handler.Remembered(token));
        Assert.Null(handler.Remembered(token[..^1] + (token[^1] == 'A' ? "B" : "A")));

        _keySet = new object();
        Assert.Null(handler.Remembered(token));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(Pair))).IsValid);
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Null(handler.Remembered(token));
    }

    [Fact]
    public async Task The_cache_holds_at_most_its_capacity_and_drops_expired_entries_first()
    {
        var handler = Handler(capacity: 2);
        var shortLived = Mint(TimeSpan.FromMinutes(1));
        var tokens = new[] { shortLived, Mint(TimeSpan.FromMinutes(10), "bob"), Mint(TimeSpan.FromMinutes(10), "carol") };
        foreach (var token in tokens)
        {
            Assert.True((await handler.ValidateTokenAsync(token, Parameters(Pair))).IsValid);
        }

        Assert.Equal(2, handler.Count);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await handler.ValidateTokenAsync(tokens[2], Parameters(Pair))).IsValid);
        Assert.Equal(2, handler.Count); // the expired one made room
    }

    private CachingTokenHandler Handler(int capacity = CachingTokenHandler.DefaultCapacity) => new(_clock, () => _keySet, capacity) { MapInboundClaims = false };

    private TokenValidationParameters Parameters(SigningKeyPair trusted) => new()
    {
        ValidIssuer = "airis-epm",
        ValidAudience = "log-service",
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        IssuerSigningKeys = SigningKeys.ParseKeySet(SigningKeyPair.KeySet(trusted.PublicJwk)),
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        LifetimeValidator = (notBefore, expires, _, _) => // the handler's own check on the fake clock, no skew
            expires > _clock.GetUtcNow().UtcDateTime && (notBefore is null || notBefore <= _clock.GetUtcNow().UtcDateTime),
    };

    private string Mint(TimeSpan lifetime, string subject = "alice") => MintWith(Pair, lifetime, subject);

    private string MintWith(SigningKeyPair pair, TimeSpan lifetime, string subject = "alice") => TokenIssuer.Mint(
        SigningKeys.ParsePrivateKey(pair.PrivateJwk), "airis-epm", ["log-service"], subject, [Permissions.LogsWrite], lifetime, _clock.GetUtcNow().UtcDateTime);
}
