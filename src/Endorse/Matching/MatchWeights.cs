using Endorse.Listing;

namespace Endorse.Matching;

/// <summary>The factors of a match score.</summary>
public enum MatchFactor
{
    // Fit to the criteria.
    Product = 0,
    Sector = 1,
    Region = 2,
    Size = 3,
    Seniority = 4,
    Language = 5,
    ActivityType = 6,

    // Readiness.
    Satisfaction = 7,
    Tenure = 8,
    SeniorityTier = 9,
    Feedback = 10,

    // Protection.
    FatigueHeadroom = 11,
    Rotation = 12,
}

/// <summary>
/// Relative weights of the factors (configurable by a reference manager). A factor's share of the 0–100 score is
/// its weight over the sum of weights; the defaults add up to 100, so each default weight is the factor's points.
/// </summary>
public sealed record MatchWeights
{
    public const int FactorCount = 13;

    public double Product { get; init; } = 20;
    public double Sector { get; init; } = 10;
    public double Region { get; init; } = 8;
    public double Size { get; init; } = 6;
    public double Seniority { get; init; } = 6;
    public double Language { get; init; } = 6;
    public double ActivityType { get; init; } = 4;
    public double Satisfaction { get; init; } = 10;
    public double Tenure { get; init; } = 5;
    public double SeniorityTier { get; init; } = 5;
    public double Feedback { get; init; } = 6;
    public double FatigueHeadroom { get; init; } = 8;
    public double Rotation { get; init; } = 6;

    public static MatchWeights Default { get; } = new();

    public double Of(MatchFactor factor) => factor switch
    {
        MatchFactor.Product => Product,
        MatchFactor.Sector => Sector,
        MatchFactor.Region => Region,
        MatchFactor.Size => Size,
        MatchFactor.Seniority => Seniority,
        MatchFactor.Language => Language,
        MatchFactor.ActivityType => ActivityType,
        MatchFactor.Satisfaction => Satisfaction,
        MatchFactor.Tenure => Tenure,
        MatchFactor.SeniorityTier => SeniorityTier,
        MatchFactor.Feedback => Feedback,
        MatchFactor.FatigueHeadroom => FatigueHeadroom,
        MatchFactor.Rotation => Rotation,
        _ => throw new ArgumentOutOfRangeException(nameof(factor)),
    };

    /// <summary>Every weight finite and non-negative, and at least one above zero.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        var total = 0.0;
        foreach (var factor in Enum.GetValues<MatchFactor>())
        {
            var weight = Of(factor);
            if (!double.IsFinite(weight) || weight < 0)
            {
                errors.Add(factor.ToString(), $"The weight of {factor} must be a number of zero or more.");
            }
            else
            {
                total += weight;
            }
        }

        if (errors.IsValid && total <= 0)
        {
            errors.Add(string.Empty, "At least one weight must be above zero.");
        }

        return errors;
    }
}
