"""How the prototype's pages are made: views, templates, static files, the build and states.json."""
