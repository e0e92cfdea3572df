using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace CjpPortal.Web.Infrastructure.TagHelpers;

/// <summary>A design-system select: <c>&lt;ds-select asp-for="Format" asp-items="Model.Formats" label="..."
/// empty-option="Not given" /&gt;</c>. Items with a <see cref="SelectListItem.Group"/> are put in optgroups; the item
/// whose value is the model's is selected.</summary>
[HtmlTargetElement("ds-select", Attributes = "asp-for,asp-items", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsSelectTagHelper(IOptions<MvcViewOptions> options) : DsControlTagHelper(options)
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>The text of a first option with an empty value, when choosing nothing is allowed.</summary>
    [HtmlAttributeName("empty-option")]
    public string? EmptyOption { get; set; }

    protected override TagBuilder CreateControl(DsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var select = Control("select", "ds_select", field);
        var current = field.Value();
        if (EmptyOption is not null)
        {
            select.InnerHtml.AppendHtml(Option(new SelectListItem(EmptyOption, string.Empty), selected: false));
        }

        foreach (var (group, items) in Groups())
        {
            var parent = select;
            if (group is not null)
            {
                parent = new TagBuilder("optgroup");
                parent.MergeAttribute("label", group.Name);
                select.InnerHtml.AppendHtml(parent);
            }

            foreach (var item in items)
            {
                parent.InnerHtml.AppendHtml(Option(item, IsSelected(item, current)));
            }
        }

        return select;
    }

    protected override TagBuilder Wrap(TagBuilder control)
    {
        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass("ds_select-wrapper");
        wrapper.InnerHtml.AppendHtml(control);
        var arrow = new TagBuilder("span");
        arrow.AddCssClass("ds_select-arrow");
        arrow.MergeAttribute("aria-hidden", "true");
        wrapper.InnerHtml.AppendHtml(arrow);
        return wrapper;
    }

    private static bool IsSelected(SelectListItem item, string? current) =>
        current is null ? item.Selected : item.Value == current;

    /// <summary>Consecutive items of one group together, in the order given.</summary>
    private List<(SelectListGroup? Key, List<SelectListItem> Items)> Groups()
    {
        var groups = new List<(SelectListGroup? Key, List<SelectListItem> Items)>();
        foreach (var item in Items)
        {
            if (groups.Count == 0 || !ReferenceEquals(groups[^1].Key, item.Group))
            {
                groups.Add((item.Group, []));
            }

            groups[^1].Items.Add(item);
        }

        return groups;
    }

    private static TagBuilder Option(SelectListItem item, bool selected)
    {
        var option = new TagBuilder("option");
        option.MergeAttribute("value", item.Value ?? string.Empty);
        if (selected)
        {
            option.MergeAttribute("selected", "selected");
        }

        if (item.Disabled)
        {
            option.MergeAttribute("disabled", "disabled");
        }

        option.InnerHtml.Append(item.Text);
        return option;
    }
}
