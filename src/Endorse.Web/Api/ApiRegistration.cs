namespace Endorse.Web.Api;

/// <summary>Each feature maps its endpoints under /api/v1 here, one line a feature.</summary>
public static class ApiRegistration
{
    public static void MapFeatureApis(RouteGroupBuilder api)
    {
        _ = api;
        Features.Users.AdministrationRegistration.MapAdministrationApis(api);
    }
}
