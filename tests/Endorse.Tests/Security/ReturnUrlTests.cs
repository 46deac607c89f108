using Endorse.Security;

namespace Endorse.Tests.Security;

public class ReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/accounts")]
    [InlineData("/requests/12?tab=history#notes")]
    [InlineData("/accounts?search=M%C3%BCller")]
    [InlineData("/contacts?search=Müller")]
    [InlineData("/a/b/../c")]
    [InlineData("/😀")]
    public void A_path_of_this_app_is_kept(string url)
    {
        Assert.Equal(url, ReturnUrl.Sanitize(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("accounts")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\nLocation: https://evil.example")]
    [InlineData("/accounts\0")]
    [InlineData("/accounts\u007f")]
    [InlineData("/accounts\u0085")]
    [InlineData("/a\\b")]
    [InlineData(" /accounts")]
    public void Anything_else_becomes_home(string? url)
    {
        Assert.Equal("/", ReturnUrl.Sanitize(url));
    }

    [Fact]
    public void A_lone_surrogate_and_an_over_long_value_become_home()
    {
        Assert.Equal("/", ReturnUrl.Sanitize("/a\ud800b"));
        Assert.Equal("/", ReturnUrl.Sanitize("/" + new string('a', ReturnUrl.MaxLength)));
        Assert.Equal("/" + new string('a', ReturnUrl.MaxLength - 1), ReturnUrl.Sanitize("/" + new string('a', ReturnUrl.MaxLength - 1)));
    }
}
