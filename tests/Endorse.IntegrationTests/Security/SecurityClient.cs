using System.Net;
using System.Text.RegularExpressions;

namespace Endorse.IntegrationTests.Security;

/// <summary>What a browser does with forms: read a page's antiforgery token, sign in through the real form.</summary>
internal static partial class SecurityClient
{
    /// <summary>The antiforgery form token of a page (the client keeps the antiforgery cookie).</summary>
    public static async Task<string> FormTokenAsync(this HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "No antiforgery token on " + path);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts the sign-in form and answers the response (a redirect on success and on a wrong password, 429 when limited).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string email, string password, string returnUrl = "/", IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var token = await client.FormTokenAsync("/signin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["email"] = email,
                ["password"] = password,
                ["returnUrl"] = returnUrl,
            }),
        };
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Signs in and asserts it worked.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostSignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>Whether the client's cookie still signs it in: the API's "me" answers 200 (401 when not).</summary>
    public static async Task<HttpStatusCode> MeAsync(this HttpClient client) => (await client.GetAsync("/api/v1/users/me")).StatusCode;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
