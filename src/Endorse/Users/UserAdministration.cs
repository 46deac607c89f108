using System.Text.Json;
using Endorse.Data;
using Endorse.Listing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Users;

/// <summary>
/// Users and their roles, as an administrator manages them: list, create, edit, deactivate, reset a password.
/// Every role grant and removal, activation change and password reset is written to the audit log.
/// </summary>
public sealed class UserAdministration(EndorseDbContext db, UserManager<EndorseUser> users, TimeProvider clock)
{
    public async Task<CurrentUser?> GetCurrentAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : new CurrentUser(user.Id, user.DisplayName, user.Email ?? "", await RolesOfAsync(user.Id, cancellationToken));
    }

    /// <summary>
    /// A page of users, searched by display name or e-mail prefix, filtered by role and status. Sorts: displayName (default), email, createdAt.
    /// The users table holds employees (hundreds, not millions), so the case-insensitive display name match is cheap.
    /// </summary>
    public async Task<Page<UserRow>> ListAsync(PageRequest request, string? role = null, bool? active = null, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search) && InputText.Clean(request.Search).Trim() is { Length: > 0 } search)
        {
            var upper = search.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.StartsWith(upper) || u.DisplayName.ToUpper().StartsWith(upper));
        }

        if (!string.IsNullOrEmpty(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken) ?? "";
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        if (active is not null)
        {
            query = query.Where(u => u.IsActive == active);
        }

        query = (request.Sort?.ToLowerInvariant(), request.Descending) switch
        {
            ("email", false) => query.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
            ("email", true) => query.OrderByDescending(u => u.NormalizedEmail).ThenBy(u => u.Id),
            ("createdat", false) => query.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
            ("createdat", true) => query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id),
            (_, true) => query.OrderByDescending(u => u.DisplayName).ThenBy(u => u.Id),
            _ => query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
        };

        var page = await query
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", Array.Empty<string>(), u.SalesAreaId, u.CrmUserId, u.IsActive, u.CreatedAt))
            .ToPageAsync(request, cancellationToken);
        var ids = page.Items.Select(u => u.Id).ToList();
        var roles = await RolesOfAsync(ids, cancellationToken);
        return page with { Items = page.Items.Select(u => u with { Roles = roles.TryGetValue(u.Id, out var r) ? r : [] }).ToList() };
    }

    public async Task<UserDetails?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null ? null : ToDetails(user, await RolesOfAsync(user.Id, cancellationToken));
    }

    public async Task<CommandResult<UserDetails>> CreateAsync(CreateUserInput input, CancellationToken cancellationToken = default)
    {
        var errors = UserRules.ValidateCreate(input);
        var email = input.Email?.Trim() ?? "";
        var user = new EndorseUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName?.Trim() ?? "",
            SalesAreaId = input.SalesAreaId,
            CrmUserId = string.IsNullOrWhiteSpace(input.CrmUserId) ? null : input.CrmUserId.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };

        if (errors.IsValid && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add("email", "A user with this e-mail already exists.");
        }

        await CheckSalesAreaAsync(errors, input.SalesAreaId, cancellationToken);
        if (!string.IsNullOrEmpty(input.Password) && input.Password.Length <= UserRules.MaxPassword)
        {
            await CheckPasswordAsync(errors, user, input.Password);
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<UserDetails>(errors);
        }

        var roles = UserRules.Normalize(input.Roles);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return CommandResult.Invalid<UserDetails>(ToErrors(created));
        }

        Require(await users.AddToRolesAsync(user, roles));
        db.Audit("User", user.Id, "UserCreated", Json(new Dictionary<string, object?>
        {
            ["Email"] = new { to = user.Email },
            ["DisplayName"] = new { to = user.DisplayName },
            ["SalesAreaId"] = user.SalesAreaId is null ? null : new { to = user.SalesAreaId },
            ["CrmUserId"] = user.CrmUserId is null ? null : new { to = user.CrmUserId },
        }));
        AuditRoles(user, roles, []);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok(ToDetails(user, roles));
    }

    public async Task<CommandResult<UserDetails>> UpdateAsync(string id, UpdateUserInput input, string actorId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return CommandResult.Missing<UserDetails>();
        }

        var errors = UserRules.ValidateUpdate(input);
        var current = UserRules.Normalize(await users.GetRolesAsync(user));
        var wanted = UserRules.Normalize(input.Roles);
        if (errors.IsValid)
        {
            UserRules.CheckSelfChange(errors, actorId, id, current, wanted);
        }

        await CheckSalesAreaAsync(errors, input.SalesAreaId, cancellationToken);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<UserDetails>(errors);
        }

        var changes = new Dictionary<string, object?>();
        var displayName = input.DisplayName!.Trim();
        var crmUserId = string.IsNullOrWhiteSpace(input.CrmUserId) ? null : input.CrmUserId.Trim();
        if (user.DisplayName != displayName)
        {
            changes["DisplayName"] = new { from = user.DisplayName, to = displayName };
            user.DisplayName = displayName;
        }

        if (user.SalesAreaId != input.SalesAreaId)
        {
            changes["SalesAreaId"] = new { from = user.SalesAreaId, to = input.SalesAreaId };
            user.SalesAreaId = input.SalesAreaId;
        }

        if (user.CrmUserId != crmUserId)
        {
            changes["CrmUserId"] = new { from = user.CrmUserId, to = crmUserId };
            user.CrmUserId = crmUserId;
        }

        var (granted, removed) = UserRules.Diff(current, wanted);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (changes.Count > 0)
        {
            db.Audit("User", user.Id, "UserUpdated", Json(changes));
        }

        Require(await users.UpdateAsync(user));
        if (granted.Count > 0)
        {
            Require(await users.AddToRolesAsync(user, granted));
        }

        if (removed.Count > 0)
        {
            Require(await users.RemoveFromRolesAsync(user, removed));
        }

        if (granted.Count + removed.Count > 0)
        {
            // Signed-in sessions pick up the new roles at their next validation.
            Require(await users.UpdateSecurityStampAsync(user));
        }

        AuditRoles(user, granted, removed);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok(ToDetails(user, wanted));
    }

    /// <summary>Deactivates or reactivates a user. A deactivated user can't sign in, and their tokens stop working.</summary>
    public async Task<CommandResult<UserDetails>> SetActiveAsync(string id, bool active, string actorId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return CommandResult.Missing<UserDetails>();
        }

        if (!active)
        {
            var errors = UserRules.CheckDeactivation(actorId, id);
            if (!errors.IsValid)
            {
                return CommandResult.Invalid<UserDetails>(errors);
            }
        }

        if (user.IsActive != active)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Audit("User", user.Id, active ? "UserReactivated" : "UserDeactivated", Json(new Dictionary<string, object?> { ["IsActive"] = new { from = user.IsActive, to = active } }));
            user.IsActive = active;

            // A new security stamp ends the user's open sessions at their next validation.
            Require(await users.UpdateSecurityStampAsync(user));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return CommandResult.Ok(ToDetails(user, UserRules.Normalize(await users.GetRolesAsync(user))));
    }

    /// <summary>Sets a new password chosen by an administrator; it must pass the password rules.</summary>
    public async Task<CommandResult<bool>> ResetPasswordAsync(string id, ResetPasswordInput input, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return CommandResult.Missing<bool>();
        }

        var errors = new ValidationErrors().Required("password", input.Password, "Password", UserRules.MaxPassword);
        if (errors.IsValid)
        {
            await CheckPasswordAsync(errors, user, input.Password!);
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<bool>(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, input.Password!);
        if (!reset.Succeeded)
        {
            return CommandResult.Invalid<bool>(ToErrors(reset));
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        db.Audit("User", user.Id, "PasswordReset");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok(true);
    }

    /// <summary>
    /// A user changes their own password: the current one must be right, the new one must pass the password rules and
    /// differ from it. A new security stamp ends the user's other sessions; the change is audited (without passwords).
    /// </summary>
    public async Task<CommandResult<bool>> ChangeOwnPasswordAsync(string userId, ChangePasswordInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive)
        {
            return CommandResult.Missing<bool>();
        }

        var errors = new ValidationErrors()
            .Required("currentPassword", input.CurrentPassword, "Current password", UserRules.MaxPassword)
            .Required("newPassword", input.NewPassword, "New password", UserRules.MaxPassword);
        if (errors.IsValid && input.NewPassword == input.CurrentPassword)
        {
            errors.Add("newPassword", "The new password must differ from the current one.");
        }

        if (errors.IsValid)
        {
            foreach (var problem in PasswordPolicy.Check(input.NewPassword, user.Email))
            {
                errors.Add("newPassword", problem);
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<bool>(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
        if (!changed.Succeeded)
        {
            var refused = new ValidationErrors();
            foreach (var error in changed.Errors)
            {
                refused.Add(error.Code == "PasswordMismatch" ? "currentPassword" : "newPassword", error.Code == "PasswordMismatch" ? WrongCurrentPassword : error.Description);
            }

            return CommandResult.Invalid<bool>(refused);
        }

        db.Audit("User", user.Id, "PasswordChanged");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok(true);
    }

    /// <summary>The message for a wrong current password (callers count these as failed sign-ins).</summary>
    public const string WrongCurrentPassword = "The current password is not right.";

    private void AuditRoles(EndorseUser user, IEnumerable<string> granted, IEnumerable<string> removed)
    {
        foreach (var role in granted)
        {
            db.Audit("Role", user.Id, "RoleGranted", Json(new Dictionary<string, object?> { ["Role"] = new { to = role }, ["User"] = new { to = user.Email } }));
        }

        foreach (var role in removed)
        {
            db.Audit("Role", user.Id, "RoleRemoved", Json(new Dictionary<string, object?> { ["Role"] = new { from = role }, ["User"] = new { to = user.Email } }));
        }
    }

    private async Task CheckSalesAreaAsync(ValidationErrors errors, int? salesAreaId, CancellationToken cancellationToken)
    {
        if (salesAreaId is not null && !await db.SalesAreas.AnyAsync(s => s.Id == salesAreaId, cancellationToken))
        {
            errors.Add("salesAreaId", "There is no such sales area.");
        }
    }

    private async Task CheckPasswordAsync(ValidationErrors errors, EndorseUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var error in result.Errors)
            {
                errors.Add("password", error.Description);
            }
        }
    }

    private static ValidationErrors ToErrors(IdentityResult result)
    {
        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "";
            errors.Add(field, error.Description);
        }

        return errors;
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused the change: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string? Json(Dictionary<string, object?> changes)
    {
        var present = changes.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value);
        return present.Count == 0 ? null : JsonSerializer.Serialize(present);
    }

    private static UserDetails ToDetails(EndorseUser user, IReadOnlyList<string> roles) =>
        new(user.Id, user.DisplayName, user.Email ?? "", roles, user.SalesAreaId, user.CrmUserId, user.IsActive, user.CreatedAt);

    private async Task<IReadOnlyList<string>> RolesOfAsync(string userId, CancellationToken cancellationToken) =>
        (await RolesOfAsync([userId], cancellationToken)).GetValueOrDefault(userId) ?? [];

    private async Task<Dictionary<string, IReadOnlyList<string>>> RolesOfAsync(List<string> userIds, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles.AsNoTracking()
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => UserRules.Normalize(g.Select(p => p.Name!)));
    }
}
