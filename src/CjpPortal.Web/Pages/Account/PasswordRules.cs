using CjpPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CjpPortal.Web.Pages.Account;

/// <summary>Checks a new password and its confirmation and puts the messages on the fields; the account's own
/// validators (<see cref="PasswordPolicy"/>) then run when the password is saved.</summary>
public static class PasswordRules
{
    public const string Field = "Password";
    public const string ConfirmField = "ConfirmPassword";
    public const string Hint = "At least 12 characters. A few unrelated words make a strong password that is easy to remember. Do not use a password you use anywhere else.";

    public static void Validate(ModelStateDictionary modelState, string? password, string? confirmation)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrEmpty(password))
        {
            modelState.AddModelError(Field, "Enter a password");
        }
        else if (password.Length < PasswordPolicy.MinimumLength)
        {
            modelState.AddModelError(Field, $"Password must be at least {PasswordPolicy.MinimumLength} characters");
        }
        else if (password.Length > PasswordPolicy.MaximumLength)
        {
            modelState.AddModelError(Field, $"Password must be {PasswordPolicy.MaximumLength} characters or fewer");
        }
        else if (PasswordPolicy.IsCommon(password))
        {
            modelState.AddModelError(Field, "Choose a password that is harder to guess: this one is too common");
        }
        else if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            modelState.AddModelError(ConfirmField, "Enter the same password twice");
        }
    }

    public static void AddErrors(ModelStateDictionary modelState, IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(Field, error.Description);
        }
    }
}
