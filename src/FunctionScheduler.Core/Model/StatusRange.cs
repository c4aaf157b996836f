using System.Globalization;

namespace FunctionScheduler.Core.Model;

/// <summary>An inclusive range of HTTP status codes a target's response may have and count as success.</summary>
public readonly record struct StatusRange(int Low, int High)
{
    /// <summary>Every 2xx status: the default.</summary>
    public static readonly StatusRange Success = new(200, 299);

    public bool Contains(int status) => status >= Low && status <= High;

    /// <summary>"204" for one code, "200-299" for a range: the form reads return.</summary>
    public override string ToString() => Low == High
        ? Low.ToString(CultureInfo.InvariantCulture)
        : Low.ToString(CultureInfo.InvariantCulture) + "-" + High.ToString(CultureInfo.InvariantCulture);
}
