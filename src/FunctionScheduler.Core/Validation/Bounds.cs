using System.Globalization;

namespace FunctionScheduler.Core.Validation;

/// <summary>Lower and upper bound checks that report <see cref="ValidationRules.Min"/> or <see cref="ValidationRules.Max"/>.</summary>
internal static class Bounds
{
    public static void Check(FieldErrors errors, string pointer, TimeSpan? value, TimeSpan min, TimeSpan max)
    {
        if (value is not { } duration)
        {
            return;
        }

        if (duration < min)
        {
            var message = min == TimeSpan.Zero ? "Must not be negative." : $"Must be at least {IsoDuration.Format(min)}.";
            errors.Add(pointer, ValidationRules.Min, message);
        }
        else if (duration > max)
        {
            errors.Add(pointer, ValidationRules.Max, $"Must be at most {IsoDuration.Format(max)}.");
        }
    }

    public static void Check(FieldErrors errors, string pointer, long? value, long min, long max)
    {
        if (value is not { } number)
        {
            return;
        }

        if (number < min)
        {
            errors.Add(pointer, ValidationRules.Min, $"Must be at least {min.ToString(CultureInfo.InvariantCulture)}.");
        }
        else if (number > max)
        {
            errors.Add(pointer, ValidationRules.Max, $"Must be at most {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    public static void CheckLength(FieldErrors errors, string pointer, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(pointer, ValidationRules.MaxLength, $"Must be at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters long.");
        }
    }
}
