namespace Endorse.Users;

/// <summary>One row of the users list.</summary>
public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, int? SalesAreaId, string? CrmUserId, bool IsActive, DateTimeOffset CreatedAt);

/// <summary>A user as an administrator sees and edits them.</summary>
public sealed record UserDetails(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, int? SalesAreaId, string? CrmUserId, bool IsActive, DateTimeOffset CreatedAt);

/// <summary>The signed-in user: who they are and what they may do.</summary>
public sealed record CurrentUser(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles);

/// <summary>What an administrator enters to create a user.</summary>
public sealed class CreateUserInput
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public IReadOnlyList<string>? Roles { get; set; }
    public int? SalesAreaId { get; set; }
    public string? CrmUserId { get; set; }

    /// <summary>The initial password; it must pass the password rules.</summary>
    public string? Password { get; set; }
}

/// <summary>What an administrator may change on a user. The e-mail (the sign-in name) does not change here.</summary>
public sealed class UpdateUserInput
{
    public string? DisplayName { get; set; }
    public IReadOnlyList<string>? Roles { get; set; }
    public int? SalesAreaId { get; set; }
    public string? CrmUserId { get; set; }
}

/// <summary>A new password set by an administrator.</summary>
public sealed class ResetPasswordInput
{
    public string? Password { get; set; }
}

/// <summary>A signed-in user's change of their own password: the current one proves it is them.</summary>
public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}
