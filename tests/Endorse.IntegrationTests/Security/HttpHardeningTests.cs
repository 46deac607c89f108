using System.Net;
using System.Text.RegularExpressions;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Security;

/// <summary>Security headers on every response; forwarded headers believed from trusted proxies only; TLS behind a proxy.</summary>
public sealed partial class HttpHardeningTests
{
    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        await using var app = new EndorseApp(TestDatabases.Sqlite);
        var api = await app.ClientForAsync(Roles.SalesRep);
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["page"] = await anonymous.GetAsync("/signin"),
            ["redirect to sign-in"] = await anonymous.GetAsync("/accounts"),
            ["api"] = await api.GetAsync("/api/v1/users/me"),
            ["api 401"] = await anonymous.GetAsync("/api/v1/accounts"),
            ["api 400"] = await api.PostAsync("/api/v1/tokens", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json")),
            ["static file"] = await anonymous.GetAsync("/app.css"),
            ["not found"] = await anonymous.GetAsync("/no/such/page"),
            ["health"] = await anonymous.GetAsync("/health/live"),
            ["openapi"] = await anonymous.GetAsync("/openapi/v1.json"),
        };

        foreach (var (what, response) in responses)
        {
            Assert.True(response.Headers.Contains("Content-Security-Policy"), what + " has no CSP");
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "connect-src 'self'", "form-action 'self'" })
            {
                Assert.Contains(directive, csp, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-inline'", ScriptSource(csp), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());

            // Plain http, no proxy: no HSTS (it would be ignored and wrong).
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), what);
        }

        Assert.Equal(HttpStatusCode.OK, responses["static file"].StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, responses["not found"].StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, responses["api 400"].StatusCode);
    }

    [Fact]
    public async Task The_import_map_carries_this_responses_nonce_and_the_api_reference_alone_gets_a_looser_policy()
    {
        await using var app = new EndorseApp(TestDatabases.Sqlite);
        using var client = app.CreateClient();

        var first = await client.GetAsync("/signin");
        var second = await client.GetAsync("/signin");
        var nonce = Nonce(first);
        Assert.NotEqual(nonce, Nonce(second));
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);

        // Every other script element is an external file from this origin.
        foreach (Match script in ScriptElement().Matches(html))
        {
            Assert.True(script.Value.Contains("src=", StringComparison.Ordinal) || script.Value.Contains(nonce, StringComparison.Ordinal), script.Value);
        }

        var docs = await client.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var docsPolicy = docs.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("'unsafe-inline'", ScriptSource(docsPolicy), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", docsPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", docsPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", ScriptSource((await client.GetAsync("/api/docsx")).Headers.GetValues("Content-Security-Policy").Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_forwarded_by_a_trusted_proxy_gets_hsts_and_secure_cookies_and_from_an_untrusted_one_does_not()
    {
        await using var trusted = new EndorseApp(TestDatabases.Sqlite, new Dictionary<string, string?> { ["ReverseProxy:TrustedProxies"] = "10.0.0.0/8, 127.0.0.1" });
        await using var untrusted = new EndorseApp(TestDatabases.Sqlite, new Dictionary<string, string?> { ["ReverseProxy:TrustedProxies"] = "10.9.9.9" });
        foreach (var (app, believed) in new[] { (trusted, true), (untrusted, false) })
        {
            using var proxy = OnKestrel(app, useCookies: false);
            var user = await app.CreateUserAsync(Roles.SalesRep);

            using var form = await proxy.SendAsync(ThroughProxy(HttpMethod.Get, "/signin", "https"));
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Equal(believed, form.Headers.Contains("Strict-Transport-Security"));
            var antiforgeryCookie = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
            Assert.Equal(believed, antiforgeryCookie.Contains("secure", StringComparison.OrdinalIgnoreCase));

            // Signing in over the forwarded https sets a Secure sign-in cookie.
            var token = WebUtility.HtmlDecode(AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
            var post = ThroughProxy(HttpMethod.Post, "/signin", "https");
            post.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
            post.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["email"] = user.Email!, ["password"] = "Test-password-1", ["returnUrl"] = "/" });
            using var signedIn = await proxy.SendAsync(post);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var sessionCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("endorse=", StringComparison.Ordinal));
            Assert.Equal(believed, sessionCookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("httponly", sessionCookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task With_an_https_public_address_plain_http_is_redirected_unless_a_trusted_proxy_says_https_and_health_never_is()
    {
        var settings = new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://endorse.example.com/", ["ReverseProxy:TrustedProxies"] = "127.0.0.1" };
        await using var app = new EndorseApp(TestDatabases.Sqlite, settings);
        using var client = OnKestrel(app, useCookies: false);

        using var plain = await client.SendAsync(ThroughProxy(HttpMethod.Get, "/signin?returnUrl=%2Faccounts", proto: null));
        Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
        Assert.Equal("https://endorse.example.com/signin?returnUrl=%2Faccounts", plain.Headers.Location!.AbsoluteUri);

        using var forwarded = await client.SendAsync(ThroughProxy(HttpMethod.Get, "/signin", "https"));
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Contains("max-age=31536000", forwarded.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);

        using var health = await client.SendAsync(ThroughProxy(HttpMethod.Get, "/health/live", proto: null));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_limit_per_address_counts_the_client_a_trusted_proxy_names_and_ignores_what_others_claim()
    {
        var limits = new Dictionary<string, string?> { ["RateLimits:SignInPerAddressPerMinute"] = "2", ["ReverseProxy:TrustedProxies"] = "127.0.0.1" };
        await using var trusted = new EndorseApp(TestDatabases.Sqlite, limits);
        using (var client = OnKestrel(trusted, useCookies: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("a@test.example", "Some-guess-1234", headers: [new("X-Forwarded-For", "203.0.113.7")])).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("b@test.example", "Some-guess-1234", headers: [new("X-Forwarded-For", "203.0.113.7")])).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostSignInAsync("c@test.example", "Some-guess-1234", headers: [new("X-Forwarded-For", "203.0.113.7")])).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("c@test.example", "Some-guess-1234", headers: [new("X-Forwarded-For", "203.0.113.8")])).StatusCode);
        }

        await using var untrusted = new EndorseApp(TestDatabases.Sqlite, new Dictionary<string, string?>(limits) { ["ReverseProxy:TrustedProxies"] = "10.9.9.9" });
        using (var client = OnKestrel(untrusted, useCookies: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("a@test.example", "Some-guess-1234", headers: [new("X-Forwarded-For", "203.0.113.1")])).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("b@test.example", "Some-guess-1234", headers: [new("X-Forwarded-For", "203.0.113.2")])).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostSignInAsync("c@test.example", "Some-guess-1234", headers: [new("X-Forwarded-For", "203.0.113.3")])).StatusCode);
        }
    }

    /// <summary>Starts the app on a real loopback port (so the client address is 127.0.0.1) and a client for it.</summary>
    internal static HttpClient OnKestrel(EndorseApp app, bool useCookies)
    {
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = useCookies }) { BaseAddress = new Uri(address) };
    }

    private static HttpRequestMessage ThroughProxy(HttpMethod method, string path, string? proto)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = "endorse.example.com";
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        return request;
    }

    private static string ScriptSource(string csp) => csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

    private static string Nonce(HttpResponseMessage response) =>
        NonceSource().Match(response.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;

    [GeneratedRegex("'nonce-([A-Za-z0-9_-]+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptElement();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
