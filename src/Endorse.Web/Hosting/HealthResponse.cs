using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Endorse.Web.Hosting;

/// <summary>
/// <c>/health/ready</c>'s answer as JSON: the overall status and each check's status, description and data (the match
/// index says whether it is loaded and how stale it is). HTTP 200 for Healthy and Degraded, 503 for Unhealthy.
/// </summary>
public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count > 0 ? e.Value.Data : null }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
