using Endorse.Discovery;

namespace Endorse.Web.Features.Discovery;

/// <summary>Words for the discovery factors.</summary>
public static class DiscoveryText
{
    public static string Factor(DiscoveryFactor factor) => factor switch
    {
        DiscoveryFactor.Sector => "Sector",
        DiscoveryFactor.Products => "Products",
        DiscoveryFactor.Size => "Size",
        DiscoveryFactor.Region => "Region",
        DiscoveryFactor.Tenure => "Tenure",
        DiscoveryFactor.Satisfaction => "Satisfaction",
        DiscoveryFactor.Seniority => "Seniority",
        DiscoveryFactor.ExecutiveProgram => "Executive program",
        DiscoveryFactor.OnboardedHappily => "Onboarded happily",
        DiscoveryFactor.WishList => "Wish list",
        _ => factor.ToString(),
    };
}
