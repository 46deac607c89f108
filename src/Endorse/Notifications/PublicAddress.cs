namespace Endorse.Notifications;

/// <summary>
/// The address people open Endorse at (<c>PublicBaseUrl</c>, e.g. https://endorse.example.com/), which makes every link
/// that leaves the app (mail, invitations) absolute. When it is not configured (development), the host fills it in
/// with the address the server listens on once it has started.
/// </summary>
public sealed class PublicAddress(Uri? configured)
{
    private Uri? listening;

    /// <summary>The configured address, if any.</summary>
    public Uri? Configured { get; } = configured;

    /// <summary>The address links start with: the configured one, else the listening one, else none yet.</summary>
    public Uri? BaseUrl => Configured ?? listening;

    /// <summary>Whether people reach Endorse over TLS (the configured address is https).</summary>
    public bool RequiresHttps => Configured?.Scheme == Uri.UriSchemeHttps;

    /// <summary>Takes the first address the server listens on, when none is configured.</summary>
    public void UseListeningAddresses(IEnumerable<string> addresses)
    {
        if (Configured is null)
        {
            listening = FromListeningAddresses(addresses);
        }
    }

    /// <summary>An app path (<c>/respond/…</c>) made absolute; an absolute link, or any link while no address is known, as given.</summary>
    public string? Absolute(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || link.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || BaseUrl is null)
        {
            return link;
        }

        return BaseUrl.AbsoluteUri + link.TrimStart('/');
    }

    /// <summary>
    /// Reads a configured address: an absolute http(s) URL with no query, fragment or user info; the path (if any)
    /// gets a trailing slash. Empty means not configured.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is not such a URL (with a message saying what to set).</exception>
    public static Uri? Parse(string? value, string settingName = "PublicBaseUrl")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException(
                $"{settingName} must be the absolute http or https address people open Endorse at, such as https://endorse.example.com/ (no query or fragment); it is '{value}'.");
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>
    /// The address to link to from the addresses a server listens on (<c>http://localhost:5080</c>,
    /// <c>http://[::]:8080</c>, <c>http://+:80</c>): https before http, a wildcard host read as localhost.
    /// </summary>
    public static Uri? FromListeningAddresses(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var parsed = addresses
            .Select(a => a.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal))
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null)
            .Where(u => u is not null && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
            .Select(u => u!)
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttps ? 0 : 1)
            .FirstOrDefault();
        if (parsed is null)
        {
            return null;
        }

        var builder = new UriBuilder(parsed) { Query = "", Fragment = "" };
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }
}
