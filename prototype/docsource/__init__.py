"""Reading the docs' sources: front matter and Markdown, a layer below the site and the checks."""
