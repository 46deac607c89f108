using Endorse.Listing;

namespace Endorse.Users;

/// <summary>
/// The rules of user administration: what a valid user looks like, and what an administrator may not do to
/// themselves (remove their own Administrator role, deactivate themselves) so nobody locks the last door by accident.
/// </summary>
public static class UserRules
{
    public const int MaxDisplayName = 200;
    public const int MaxCrmUserId = 100;
    public const int MaxPassword = 200;

    public static ValidationErrors ValidateCreate(CreateUserInput input)
    {
        var errors = new ValidationErrors();
        errors.Required("email", input.Email, "E-mail", 254);
        errors.Email("email", input.Email);
        errors.Required("password", input.Password, "Password", MaxPassword);
        ValidateCommon(errors, input.DisplayName, input.Roles, input.CrmUserId);
        return errors;
    }

    public static ValidationErrors ValidateUpdate(UpdateUserInput input)
    {
        var errors = new ValidationErrors();
        ValidateCommon(errors, input.DisplayName, input.Roles, input.CrmUserId);
        return errors;
    }

    /// <summary>Refuses a change an administrator makes to their own account that would take away their administration.</summary>
    public static ValidationErrors CheckSelfChange(ValidationErrors errors, string actorId, string targetId, IReadOnlyCollection<string> currentRoles, IReadOnlyCollection<string> newRoles)
    {
        if (actorId == targetId && currentRoles.Contains(Roles.Administrator) && !newRoles.Contains(Roles.Administrator))
        {
            errors.Add("roles", "You can't remove your own Administrator role. Ask another administrator to do it.");
        }

        return errors;
    }

    /// <summary>An administrator can't deactivate their own account.</summary>
    public static ValidationErrors CheckDeactivation(string actorId, string targetId)
    {
        var errors = new ValidationErrors();
        if (actorId == targetId)
        {
            errors.Add("isActive", "You can't deactivate your own account. Ask another administrator to do it.");
        }

        return errors;
    }

    /// <summary>The roles to grant and to remove to go from <paramref name="current"/> to <paramref name="wanted"/>.</summary>
    public static (IReadOnlyList<string> Granted, IReadOnlyList<string> Removed) Diff(IEnumerable<string> current, IEnumerable<string> wanted)
    {
        var before = current.ToHashSet(StringComparer.Ordinal);
        var after = wanted.ToHashSet(StringComparer.Ordinal);
        return (Roles.All.Where(r => after.Contains(r) && !before.Contains(r)).ToList(), Roles.All.Where(r => before.Contains(r) && !after.Contains(r)).ToList());
    }

    /// <summary>The roles as stored: known names, no duplicates, in the canonical order.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string>? roles)
    {
        var set = (roles ?? []).ToHashSet(StringComparer.Ordinal);
        return Roles.All.Where(set.Contains).ToList();
    }

    private static void ValidateCommon(ValidationErrors errors, string? displayName, IReadOnlyList<string>? roles, string? crmUserId)
    {
        errors.Required("displayName", displayName, "Display name", MaxDisplayName);
        errors.MaxLength("crmUserId", crmUserId, "CRM user id", MaxCrmUserId);
        if (roles is null || roles.Count == 0)
        {
            errors.Add("roles", "Choose at least one role.");
            return;
        }

        foreach (var role in roles.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            var shown = role is null ? "(empty)" : role.Length > 50 ? role[..50] + "…" : role;
            errors.Add("roles", $"Unknown role '{shown}'. Roles are: {string.Join(", ", Roles.All)}.");
        }
    }
}
