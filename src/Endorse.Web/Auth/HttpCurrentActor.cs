using System.Security.Claims;
using Endorse.Audit;

namespace Endorse.Web.Auth;

/// <summary>The signed-in person (or token's user) behind the current request, for audit entries.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? accessor.HttpContext.User.Identity.Name
        : "system";
}
