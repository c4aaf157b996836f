using System.Globalization;

namespace FunctionScheduler.Core.Describing;

/// <summary>
/// One cron field read for describing, not for matching (Cronos matches; an expression reaching here has passed
/// validation): its comma-separated items, names turned into numbers. An item it cannot read makes
/// <see cref="IsReadable"/> false, and the describer falls back to the expression itself.
/// </summary>
internal sealed class CronField
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private CronField(string text, IReadOnlyList<CronItem> items, bool readable)
    {
        Text = text;
        Items = items;
        IsReadable = readable;
    }

    public string Text { get; }

    public IReadOnlyList<CronItem> Items { get; }

    public bool IsReadable { get; }

    /// <summary>'*' or '?': every value.</summary>
    public bool IsAll => Items is [{ Kind: CronItemKind.All, Step: null }];

    /// <summary>One plain value, such as '30'.</summary>
    public int? Single => Items is [{ Kind: CronItemKind.Value, Step: null } item] ? item.From : null;

    /// <summary>Every value the field matches between <paramref name="min"/> and <paramref name="max"/>, when it has only plain items.</summary>
    public IReadOnlyList<int>? Values(int min, int max)
    {
        var values = new SortedSet<int>();
        foreach (var item in Items)
        {
            var (from, to) = item.Kind switch
            {
                CronItemKind.All => (min, max),
                CronItemKind.Value when item.Step is null => (item.From, item.From),
                CronItemKind.Value => (item.From, max),
                CronItemKind.Range => (item.From, item.To),
                _ => (-1, -1),
            };
            if (from < 0)
            {
                return null;
            }

            // Reversed ranges (22-2) wrap around, as Cronos reads them.
            var span = from <= to ? to - from : max - from + 1 + to - min;
            for (var offset = 0; offset <= span; offset += item.Step ?? 1)
            {
                values.Add(from + offset > max ? from + offset - (max - min + 1) : from + offset);
            }
        }

        return [.. values];
    }

    public static CronField Parse(string text, CronFieldKind kind)
    {
        var items = new List<CronItem>();
        foreach (var part in text.ToUpperInvariant().Split(','))
        {
            if (ParseItem(part, kind) is not { } item)
            {
                return new CronField(text, [], readable: false);
            }

            items.Add(item);
        }

        return new CronField(text, items, readable: true);
    }

    private static CronItem? ParseItem(string part, CronFieldKind kind)
    {
        int? step = null;
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (Number(part[(slash + 1)..]) is not { } parsedStep || parsedStep <= 0)
            {
                return null;
            }

            step = parsedStep;
            part = part[..slash];
        }

        if (part is "*" or "?")
        {
            return new CronItem(CronItemKind.All, 0, 0, step);
        }

        if (kind == CronFieldKind.DayOfMonth && part.StartsWith('L'))
        {
            var weekday = part.EndsWith('W');
            var offset = part.Length > (weekday ? 2 : 1) ? Number(part[2..(weekday ? ^1 : ^0)]) : 0;
            return offset is { } days && step is null ? new CronItem(weekday ? CronItemKind.LastWeekday : CronItemKind.Last, days, 0, null) : null;
        }

        if (kind == CronFieldKind.DayOfMonth && part.EndsWith('W'))
        {
            return Value(part[..^1], kind) is { } day && step is null ? new CronItem(CronItemKind.NearestWeekday, day, 0, null) : null;
        }

        if (kind == CronFieldKind.DayOfWeek && part.Length > 1 && part.EndsWith('L'))
        {
            return Value(part[..^1], kind) is { } day && step is null ? new CronItem(CronItemKind.LastOfMonth, day, 0, null) : null;
        }

        if (kind == CronFieldKind.DayOfWeek && part.Split('#') is [var dayText, var nth])
        {
            return Value(dayText, kind) is { } day && Number(nth) is { } n && step is null ? new CronItem(CronItemKind.NthOfMonth, day, n, null) : null;
        }

        if (part.Split('-') is [var fromText, var toText])
        {
            return Value(fromText, kind) is { } from && Value(toText, kind) is { } to ? new CronItem(CronItemKind.Range, from, to, step) : null;
        }

        return Value(part, kind) is { } value ? new CronItem(CronItemKind.Value, value, value, step) : null;
    }

    private static int? Value(string text, CronFieldKind kind)
    {
        var names = kind switch
        {
            CronFieldKind.Month => MonthNames,
            CronFieldKind.DayOfWeek => DayNames,
            _ => [],
        };
        var named = Array.IndexOf(names, text);
        if (named >= 0)
        {
            return kind == CronFieldKind.Month ? named + 1 : named;
        }

        // Both 0 and 7 are Sunday.
        return Number(text) is { } number ? (kind == CronFieldKind.DayOfWeek && number == 7 ? 0 : number) : null;
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>Which field a <see cref="CronField"/> is; names and special characters depend on it.</summary>
internal enum CronFieldKind
{
    Second,
    Minute,
    Hour,
    DayOfMonth,
    Month,
    DayOfWeek,
}

/// <summary>The forms an item of a field takes.</summary>
internal enum CronItemKind
{
    All,
    Value,
    Range,

    /// <summary>L or L-n in day-of-month: <see cref="CronItem.From"/> days before the last day.</summary>
    Last,

    /// <summary>LW or L-nW in day-of-month.</summary>
    LastWeekday,

    /// <summary>nW in day-of-month: the weekday nearest day <see cref="CronItem.From"/>.</summary>
    NearestWeekday,

    /// <summary>nL in day-of-week: the last such day of the month.</summary>
    LastOfMonth,

    /// <summary>n#k in day-of-week: the k-th (<see cref="CronItem.To"/>) such day of the month.</summary>
    NthOfMonth,
}

/// <summary>One comma-separated item of a field.</summary>
internal sealed record CronItem(CronItemKind Kind, int From, int To, int? Step);
