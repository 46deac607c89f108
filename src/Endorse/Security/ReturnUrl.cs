namespace Endorse.Security;

/// <summary>
/// Where to send someone after they sign in: only a path of this app. Anything else (another site, a
/// protocol-relative <c>//host</c>, a backslash that browsers read as a slash, a control character such as a tab or
/// newline that browsers strip to turn <c>/\t/evil</c> into <c>//evil</c>, an over-long value) becomes <c>/</c>.
/// </summary>
public static class ReturnUrl
{
    public const string Home = "/";
    public const int MaxLength = 2048;

    public static string Sanitize(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/')
        {
            return Home;
        }

        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return Home;
        }

        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]))
            {
                i++;
                continue;
            }

            // Control characters (C0, DEL, C1), backslashes and lone surrogates have no place in a path we redirect to.
            if (char.IsControl(c) || c == '\\' || char.IsSurrogate(c))
            {
                return Home;
            }
        }

        return url;
    }
}
