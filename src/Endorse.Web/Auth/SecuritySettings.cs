using System.Globalization;

namespace Endorse.Web.Auth;

/// <summary>
/// The security settings an operator may tune (docs/operations.md): how soon a session notices that access ended,
/// the sign-in and API rate limits, and which reverse proxies are trusted to say who the client is.
/// </summary>
public sealed record SecuritySettings
{
    /// <summary>How often a sign-in cookie and an open interactive page re-check the user (<c>Security:SessionCheckInterval</c>).</summary>
    public TimeSpan SessionCheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts one client address may make a minute, whatever the account (<c>RateLimits:SignInPerAddressPerMinute</c>).</summary>
    public int SignInPerAddressPerMinute { get; init; } = 20;

    /// <summary>Failed sign-ins one account may have in <see cref="SignInFailureWindow"/>, from all addresses together (<c>RateLimits:SignInFailuresPerAccount</c>).</summary>
    public int SignInFailuresPerAccount { get; init; } = 10;

    /// <summary>The window of <see cref="SignInFailuresPerAccount"/> (<c>RateLimits:SignInFailureWindow</c>).</summary>
    public TimeSpan SignInFailureWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>API requests a minute per access token (or per signed-in user) (<c>RateLimits:ApiRequestsPerMinute</c>).</summary>
    public int ApiRequestsPerMinute { get; init; } = 600;

    /// <summary>
    /// Whether plain-http requests are redirected to https (<c>Security:HttpsRedirect</c>); by default when
    /// <c>PublicBaseUrl</c> is an https address. Health checks are never redirected.
    /// </summary>
    public bool HttpsRedirect { get; init; }

    /// <summary>Addresses and networks (CIDR) of reverse proxies whose X-Forwarded-For/-Proto are believed (<c>ReverseProxy:TrustedProxies</c>).</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <exception cref="InvalidOperationException">A setting is out of range (the message names it).</exception>
    public static SecuritySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new SecuritySettings();
        var settings = new SecuritySettings
        {
            SessionCheckInterval = Duration(configuration, "Security:SessionCheckInterval", defaults.SessionCheckInterval),
            SignInPerAddressPerMinute = Count(configuration, "RateLimits:SignInPerAddressPerMinute", defaults.SignInPerAddressPerMinute),
            SignInFailuresPerAccount = Count(configuration, "RateLimits:SignInFailuresPerAccount", defaults.SignInFailuresPerAccount),
            SignInFailureWindow = Duration(configuration, "RateLimits:SignInFailureWindow", defaults.SignInFailureWindow),
            ApiRequestsPerMinute = Count(configuration, "RateLimits:ApiRequestsPerMinute", defaults.ApiRequestsPerMinute),
            TrustedProxies = List(configuration.GetSection("ReverseProxy:TrustedProxies")),
            HttpsRedirect = Flag(configuration, "Security:HttpsRedirect",
                configuration["PublicBaseUrl"]?.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true),
        };
        return settings;
    }

    private static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
            ? parsed
            : throw new InvalidOperationException($"{key} must be a positive duration such as 00:01:00; it is '{value}'.");
    }

    private static bool Flag(IConfiguration configuration, string key, bool fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return bool.TryParse(value, out var parsed) ? parsed : throw new InvalidOperationException($"{key} must be true or false; it is '{value}'.");
    }

    private static int Count(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new InvalidOperationException($"{key} must be a whole number above zero; it is '{value}'.");
    }

    /// <summary>A list given as array entries (<c>TrustedProxies:0</c>, …) or as one comma-separated value (an environment variable).</summary>
    private static List<string> List(IConfigurationSection section)
    {
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }
}
