using Endorse.Notifications;

namespace Endorse.Tests.Notifications;

public class PublicAddressTests
{
    [Theory]
    [InlineData("https://endorse.example.com", "https://endorse.example.com/")]
    [InlineData("https://endorse.example.com/", "https://endorse.example.com/")]
    [InlineData(" http://localhost:5080 ", "http://localhost:5080/")]
    [InlineData("https://example.com/endorse", "https://example.com/endorse/")]
    public void A_configured_address_is_read_with_a_trailing_slash(string value, string expected)
    {
        Assert.Equal(expected, PublicAddress.Parse(value)!.AbsoluteUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Nothing_configured_is_no_address(string? value)
    {
        Assert.Null(PublicAddress.Parse(value));
    }

    [Theory]
    [InlineData("endorse.example.com")]
    [InlineData("/relative")]
    [InlineData("ftp://endorse.example.com/")]
    [InlineData("https://endorse.example.com/?a=1")]
    [InlineData("https://endorse.example.com/#top")]
    [InlineData("https://user:secret@endorse.example.com/")]
    public void A_malformed_address_is_refused_with_what_to_set(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PublicAddress.Parse(value));
        Assert.Contains("PublicBaseUrl must be the absolute http or https address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_paths_become_absolute_and_absolute_links_stay()
    {
        var address = new PublicAddress(PublicAddress.Parse("https://example.com/endorse"));
        Assert.Equal("https://example.com/endorse/respond/abc", address.Absolute("/respond/abc"));
        Assert.Equal("https://example.com/endorse/requests/12", address.Absolute("requests/12"));
        Assert.Equal("https://other.example/x", address.Absolute("https://other.example/x"));
        Assert.Null(address.Absolute(null));
    }

    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://[::]:8080", "http://localhost:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/")]
    [InlineData("http://+:80", "http://localhost/")]
    [InlineData("http://*:5000", "http://localhost:5000/")]
    [InlineData("http://127.0.0.1:43127", "http://127.0.0.1:43127/")]
    public void The_listening_address_is_read_as_people_would_open_it(string listening, string expected)
    {
        Assert.Equal(expected, PublicAddress.FromListeningAddresses([listening])!.AbsoluteUri);
    }

    [Fact]
    public void Https_is_preferred_and_a_configured_address_wins_over_the_listening_one()
    {
        Assert.Equal("https://localhost:5081/", PublicAddress.FromListeningAddresses(["http://localhost:5080", "https://localhost:5081"])!.AbsoluteUri);

        var configured = new PublicAddress(new Uri("https://endorse.example.com/"));
        configured.UseListeningAddresses(["http://localhost:5080"]);
        Assert.Equal("https://endorse.example.com/", configured.BaseUrl!.AbsoluteUri);

        var unset = new PublicAddress(null);
        Assert.Equal("/respond/x", unset.Absolute("/respond/x"));
        unset.UseListeningAddresses(["http://localhost:5080"]);
        Assert.Equal("http://localhost:5080/respond/x", unset.Absolute("/respond/x"));
    }
}
