using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Endorse.Security;
using Endorse.Web.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Endorse.Web.Api;

/// <summary>
/// The API's rate limit (ASP.NET Core's rate limiter): a token bucket of <see cref="SecuritySettings.ApiRequestsPerMinute"/>
/// requests, refilled at that rate, per access token (or per signed-in user, or per client address). Over it the API
/// answers 429 with Retry-After and problem details.
/// </summary>
public static class ApiRateLimits
{
    public const string Policy = "api";

    public static IServiceCollection AddEndorseApiRateLimits(this IServiceCollection services, SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var perMinute = settings.ApiRequestsPerMinute;

        // Refill in steps of at most a second, so a caller over the limit waits seconds, not the whole minute.
        var steps = Math.Min(perMinute, 60);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                RateLimitKeys.Api(context.User.FindFirstValue("token_id"), context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null, context.Connection.RemoteIpAddress),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = Math.Max(1, perMinute / steps),
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / steps,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1) / steps;
                var seconds = SignInThrottle.Seconds(wait);
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This caller may make {perMinute} API requests a minute. Try again in {seconds} seconds.",
                    },
                });
            };
        });
        return services;
    }
}
