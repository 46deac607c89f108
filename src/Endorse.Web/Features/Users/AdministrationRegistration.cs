using Endorse.AccessTokens;
using Endorse.Audit;
using Endorse.Users;
using Endorse.Web.Features.AccessTokens;
using Endorse.Web.Features.Audit;

namespace Endorse.Web.Features.Users;

/// <summary>Users and roles, personal access tokens and the audit log: their services and their API.</summary>
public static class AdministrationRegistration
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<AccessTokenService>();
        services.AddScoped<AuditLog>();
        return services;
    }

    public static RouteGroupBuilder MapAdministrationApis(this RouteGroupBuilder api)
    {
        api.MapUsersApi();
        api.MapAccessTokensApi();
        api.MapAuditApi();
        return api;
    }
}
