namespace Endorse.Web.Hosting;

/// <summary>Each feature's services. One line a feature keeps merges between features painless.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddEndorseFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddNotifications(configuration);
        Features.Accounts.AccountsSetup.AddAccountsAndContacts(services);
        Features.Catalog.CatalogApi.AddCatalog(services);
        Features.Opportunities.OpportunitiesApi.AddOpportunities(services);
        Features.Import.ImportServices.AddImport(services);
        Features.Users.AdministrationRegistration.AddAdministration(services);
        Features.Advocates.AdvocatesApi.AddAdvocates(services);
        Features.Requests.RequestsApi.AddRequests(services);
        Features.Matching.MatchingApi.AddMatching(services);
        Features.Profile.ProfileApi.AddProfile(services);
        Features.Readiness.ReadinessApi.AddReadiness(services);
        Features.Discovery.DiscoveryApi.AddDiscovery(services);
        Features.WishList.WishListApi.AddWishList(services);
        Features.Onboarding.OnboardingApi.AddOnboarding(services);
        Features.ExecutivePrograms.ExecutiveProgramsApi.AddExecutivePrograms(services);
        Features.Hygiene.HygieneApi.AddHygiene(services);
        Features.Nominations.NominationsApi.AddNominations(services);
        Features.Objections.ObjectionsApi.AddObjections(services);
        return services;
    }
}
