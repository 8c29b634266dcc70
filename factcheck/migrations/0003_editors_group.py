"""Create the ``editors`` group with the permissions editorial work needs."""

from django.db import migrations

EDITOR_PERMISSIONS = {
    "statement": ["view", "change"],
    "claim": ["view", "add", "change"],
    "claimappearance": ["view", "add", "change", "delete"],
    "speaker": ["view", "add", "change", "delete"],
    "speakeralias": ["view", "add", "change", "delete"],
    "speakerrole": ["view", "add", "change", "delete"],
    "verdict": ["view", "add", "change"],
    "evidence": ["view", "add", "change", "delete"],
}


def create_editors_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; this group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="editors")
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="factcheck", codename__in=codenames)
    )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0002_editorial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
