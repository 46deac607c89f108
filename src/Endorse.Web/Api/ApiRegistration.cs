namespace Endorse.Web.Api;

/// <summary>Each feature maps its endpoints under /api/v1 here, one line a feature.</summary>
public static class ApiRegistration
{
    public static void MapFeatureApis(RouteGroupBuilder api)
    {
        _ = api;
        Features.Notifications.NotificationsApi.MapNotificationsApi(api);
        Features.Contacts.ContactsApi.MapContactsApi(Features.Accounts.AccountsApi.MapAccountsApi(api));
        Features.Catalog.CatalogApi.MapCatalogApi(api);
        Features.Opportunities.OpportunitiesApi.MapOpportunitiesApi(api);
        Features.Import.ImportsApi.MapImportsApi(api);
        Features.Users.AdministrationRegistration.MapAdministrationApis(api);
        Features.Advocates.AdvocatesApi.MapProgramSettingsApi(Features.Advocates.AdvocatesApi.MapAdvocatesApi(api));
        Features.Requests.RequestsApi.MapRequestsApi(api);
        Features.Matching.MatchingApi.MapMatchingApi(api);
        Features.Profile.ProfileApi.MapProfileApi(api);
        Features.Readiness.ReadinessApi.MapReadinessApi(api);
        Features.Discovery.DiscoveryApi.MapDiscoveryApi(api);
        Features.WishList.WishListApi.MapWishListApi(api);
        Features.Onboarding.OnboardingApi.MapOnboardingApi(api);
        Features.ExecutivePrograms.ExecutiveProgramsApi.MapExecutiveProgramsApi(api);
        Features.Hygiene.HygieneApi.MapHygieneApi(api);
        Features.Nominations.NominationsApi.MapNominationsApi(api);
        Features.Objections.ObjectionsApi.MapObjectionsApi(api);
    }
}
