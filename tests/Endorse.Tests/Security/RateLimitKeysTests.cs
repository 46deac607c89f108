using System.Net;
using Endorse.Security;

namespace Endorse.Tests.Security;

public class RateLimitKeysTests
{
    [Fact]
    public void IPv4_addresses_count_one_by_one()
    {
        Assert.Equal("ip:203.0.113.7", RateLimitKeys.Address(IPAddress.Parse("203.0.113.7")));
        Assert.NotEqual(RateLimitKeys.Address(IPAddress.Parse("203.0.113.7")), RateLimitKeys.Address(IPAddress.Parse("203.0.113.8")));
    }

    [Fact]
    public void An_IPv4_address_seen_as_IPv6_is_the_same_client()
    {
        Assert.Equal("ip:203.0.113.7", RateLimitKeys.Address(IPAddress.Parse("::ffff:203.0.113.7")));
    }

    [Fact]
    public void IPv6_addresses_count_by_their_64_bit_network()
    {
        var one = RateLimitKeys.Address(IPAddress.Parse("2001:db8:1:2:aaaa::1"));
        Assert.Equal("ip:2001:db8:1:2::/64", one);
        Assert.Equal(one, RateLimitKeys.Address(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        Assert.NotEqual(one, RateLimitKeys.Address(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void An_unknown_address_is_one_partition()
    {
        Assert.Equal("ip:unknown", RateLimitKeys.Address(null));
    }

    [Theory]
    [InlineData("ana@example.com")]
    [InlineData("  ANA@Example.COM ")]
    public void An_account_is_its_email_ignoring_case_and_spaces(string email)
    {
        Assert.Equal("account:ANA@EXAMPLE.COM", RateLimitKeys.Account(email));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_email_is_no_account(string? email)
    {
        Assert.Null(RateLimitKeys.Account(email));
    }

    [Fact]
    public void An_api_caller_is_its_token_else_its_user_else_its_address()
    {
        var address = IPAddress.Parse("198.51.100.4");
        Assert.Equal("token:42", RateLimitKeys.Api("42", "user-1", address));
        Assert.NotEqual(RateLimitKeys.Api("42", "user-1", address), RateLimitKeys.Api("43", "user-1", address));
        Assert.Equal("user:user-1", RateLimitKeys.Api(null, "user-1", address));
        Assert.Equal("ip:198.51.100.4", RateLimitKeys.Api(null, null, address));
    }
}
