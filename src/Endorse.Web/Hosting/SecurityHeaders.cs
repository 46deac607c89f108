using System.Security.Cryptography;

namespace Endorse.Web.Hosting;

/// <summary>
/// The security headers every response carries. The Content-Security-Policy allows scripts from this origin and the
/// one inline script a page has (Blazor's import map) by a per-response nonce; no <c>eval</c>. Styles may be inline
/// because MudBlazor sets element styles and writes its theme as a style element from the circuit, where no nonce can
/// reach. The interactive circuit's WebSocket is covered by <c>connect-src 'self'</c>.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "Endorse.CspNonce";

    /// <summary>The API reference page (Scalar) runs inline script of its own; it gets a looser policy, on its path only.</summary>
    public static readonly PathString ApiReferencePath = "/api/docs";

    /// <summary>This response's CSP nonce, for an inline script element (<c>nonce="@SecurityHeaders.Nonce(HttpContext)"</c>).</summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }

        nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>The Content-Security-Policy for a path.</summary>
    public static string PolicyFor(PathString path, string nonce) =>
        path.StartsWithSegments(ApiReferencePath)
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
              "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
            : $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
              "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Nonce(context);
        context.Response.OnStarting(() =>
        {
            // Set when the response starts, so error pages and static files (whose handlers clear headers) carry them too.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(context.Request.Path, nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
