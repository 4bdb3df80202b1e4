"""What a workspace state is: the models, fixture loading, schemas, and how money and dates read."""
