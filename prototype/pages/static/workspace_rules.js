// The workspace forms' rules, as Python has them (prototype/states/workspace_input.py and
// workspace_details.py), built from the data workspaces.json exports: Python's own regular
// expression sources, whitespace as Python's str.strip knows it, the lengths, and every
// message. Lengths count characters as Python does (code points). workspaces.js loads this
// module when a workspace form is used; the tests hold it to Python's checks on generated
// input.

export const rules = (data) => {
  const r = data.rules;
  const say = data.messages;
  const ws = r.ws;
  const hidden = `${ws}${r.invisible_categories.map((c) => `\\p{${c}}`).join("")}${r.blank}`;
  const invisible = new RegExp(`^[${hidden}]*$`, "u");
  const edges = new RegExp(`^[${ws}]+|[${ws}]+$`, "gu");
  const notSlug = new RegExp(r.not_slug, "gu");
  const slug = new RegExp(`^(?:${r.slug})$`, "u");
  const scheme = new RegExp(`^(?:${r.scheme})`, "u");
  const host = new RegExp(`^(?:${r.host})$`, "u");
  const email = new RegExp(`^(?:${r.email})$`, "u");
  const length = (text) => [...text].length;
  const strip = (text) => text.replace(edges, "");

  const slugFromName = (name) =>
    name
      .normalize("NFKD")
      .replace(/[^\x00-\x7f]/g, "")
      .toLowerCase()
      .replace(notSlug, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, r.max_slug)
      .replace(/-+$/, "");

  const slugProblem = (text) => {
    if (!text) return "missing";
    if (length(text) > r.max_slug) return "long";
    return slug.test(text) ? null : "chars";
  };

  const withScheme = (typed) => {
    const text = strip(typed);
    const address = scheme.test(text) ? text : r.added_scheme + text;
    const at = address.indexOf("://");
    const name = address.slice(0, at).toLowerCase();
    return (name === "http" || name === "https") && host.test(address.slice(at + 3))
      ? address
      : null;
  };

  // Each check gives [the value to save, null] or [null, the key of its message].
  const textProblem = (text, prefix, most) => {
    if (length(text) > most) return `${prefix}-long`;
    return /\p{Cc}/u.test(text) ? `${prefix}-control` : null;
  };
  const name = (typed, taken) => {
    const text = strip(typed);
    if (invisible.test(text)) return [null, "name-missing"];
    const key = textProblem(text, "name", r.max.name) || (taken.names.has(text) && "name-taken");
    return key ? [null, key] : [text, null];
  };
  const uniqueUrl = (typed, typedName, taken) => {
    const text = strip(typed);
    const problem = slugProblem(text);
    if (problem === "missing" && strip(typedName) && !slugFromName(typedName)) {
      return [null, "unique-url-from-name"];
    }
    if (problem) return [null, `unique-url-${problem}`];
    return taken.urls.has(text.toLowerCase()) ? [null, "unique-url-taken"] : [text, null];
  };
  const description = (typed) => {
    const text = strip(typed);
    if (invisible.test(text)) return [null, null];
    const key = textProblem(text, "description", r.max.description);
    return key ? [null, key] : [text, null];
  };
  const website = (typed) => {
    if (!strip(typed)) return [null, null];
    const address = withScheme(typed);
    if (address === null) return [null, "website-invalid"];
    return length(address) > r.max.website ? [null, "website-long"] : [address, null];
  };
  const teamSize = (typed) => {
    const text = strip(typed);
    if (!text) return [null, null];
    const size = Number(text);
    return /^[0-9]+$/.test(text) && size >= 1 && size <= r.max.team_size
      ? [size, null]
      : [null, "team-size"];
  };
  const newOwner = (typed, owner) => {
    const text = strip(typed);
    if (length(text) > r.max.email || !email.test(text)) return [null, "email-invalid"];
    return text.toLowerCase() === owner.toLowerCase() ? [null, "email-owner"] : [text, null];
  };

  // {values, errors}: every value when each field is accepted, else each refused field's message.
  const result = (checked) => {
    const values = {};
    const errors = {};
    for (const [field, [value, key]] of Object.entries(checked)) {
      if (key) errors[field] = say[key];
      values[field] = value;
    }
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors };
  };
  const typed = (fields, name) => fields[name] ?? "";
  const workspace = (fields, taken) => ({
    name: name(typed(fields, "name"), taken),
    unique_url: uniqueUrl(typed(fields, "unique_url"), typed(fields, "name"), taken),
    description: description(typed(fields, "description")),
  });

  return {
    slugFromName,
    withScheme,
    // The message beside the Unique URL while it is typed or filled in, or null.
    urlProblem: (fields, taken) => {
      const [, key] = uniqueUrl(typed(fields, "unique_url"), typed(fields, "name"), taken);
      return key && say[key];
    },
    newWorkspace: (fields, taken) => result(workspace(fields, taken)),
    details: (fields, taken) =>
      result({
        ...workspace(fields, taken),
        website: website(typed(fields, "website")),
        team_size: teamSize(typed(fields, "team_size")),
      }),
    transfer: (fields, owner) => result({ email: newOwner(typed(fields, "email"), owner) }),
  };
};
