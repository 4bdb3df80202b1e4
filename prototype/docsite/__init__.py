"""How the docs site is made: links, navigation, page headings, generated pages, engine adapters."""
