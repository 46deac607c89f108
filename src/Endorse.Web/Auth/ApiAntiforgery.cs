using Microsoft.AspNetCore.Antiforgery;

namespace Endorse.Web.Auth;

/// <summary>
/// A cross-site page must not change anything through the API with a signed-in person's cookie. API writes (POST, PUT,
/// PATCH, DELETE) authenticated by the cookie must carry the antiforgery request token in the
/// <c>RequestVerificationToken</c> header, which another site cannot read; writes with a personal access token
/// (Authorization: Bearer) need none, since a browser never sends that header by itself.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    /// <summary>After authorization, so a request without any credential is answered 401 first.</summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (NeedsToken(context) && !await IsValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Antiforgery token missing or invalid",
                    Detail = $"A change through the API with the sign-in cookie must carry the antiforgery token in the {HeaderName} header. Integrations authenticate with a personal access token (Authorization: Bearer …) instead.",
                },
            });
            return;
        }

        await next(context);
    });

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity is { IsAuthenticated: true } identity
        && identity.AuthenticationType != AccessTokenAuthenticationHandler.SchemeName;

    private static async Task<bool> IsValidAsync(HttpContext context)
    {
        // Only the header counts: API bodies (JSON, uploads) are not read here.
        if (string.IsNullOrEmpty(context.Request.Headers[HeaderName]))
        {
            return false;
        }

        return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }
}
