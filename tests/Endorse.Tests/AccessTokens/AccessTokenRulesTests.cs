using Endorse.AccessTokens;

namespace Endorse.Tests.AccessTokens;

public class AccessTokenRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(365)]
    public void The_offered_lifetimes_are_valid(int? days)
    {
        Assert.True(AccessTokenRules.Validate(new CreateAccessTokenInput { Name = "CI", ExpiresInDays = days }).IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-30)]
    [InlineData(10000)]
    public void Other_lifetimes_are_refused(int days)
    {
        Assert.Contains("expiresInDays", AccessTokenRules.Validate(new CreateAccessTokenInput { Name = "CI", ExpiresInDays = days }).ToDictionary().Keys);
    }

    [Fact]
    public void A_name_is_required_and_limited()
    {
        Assert.Contains("name", AccessTokenRules.Validate(new CreateAccessTokenInput { Name = "  " }).ToDictionary().Keys);
        Assert.Contains("name", AccessTokenRules.Validate(new CreateAccessTokenInput { Name = new string('n', 101) }).ToDictionary().Keys);
    }

    [Fact]
    public void Status_is_revoked_then_expired_then_active()
    {
        Assert.Equal(AccessTokenStatus.Revoked, AccessTokenRules.StatusAt(Now.AddDays(-1), Now.AddDays(-2), Now));
        Assert.Equal(AccessTokenStatus.Expired, AccessTokenRules.StatusAt(null, Now, Now));
        Assert.Equal(AccessTokenStatus.Active, AccessTokenRules.StatusAt(null, Now.AddSeconds(1), Now));
        Assert.Equal(AccessTokenStatus.Active, AccessTokenRules.StatusAt(null, null, Now));
    }

    [Fact]
    public void The_stored_hash_is_not_the_token_and_the_shown_prefix_cannot_be_used()
    {
        var token = AccessTokenSecret.Create();
        Assert.True(AccessTokenSecret.LooksValid(token));
        Assert.NotEqual(token, AccessTokenSecret.Hash(token));
        Assert.Equal(AccessTokenSecret.Hash(token), AccessTokenSecret.Hash(token));
        Assert.False(AccessTokenSecret.LooksValid(AccessTokenSecret.Shown(token)));
    }
}
