# What the real-Odoo suite's database holds besides Odoo's own demo data: run by `bin/real-odoo setup`
# through `odoo-bin shell` (the `env` below is Odoo's). It mirrors mappings/sandbox/odoo/seed.yaml, the
# emulator's seed, in the fields a real Odoo 17 has: the demo partner's company as a customer with a
# country and state (many2ones), its products as storable goods with Odoo's default sale tax, stock
# on hand, the carrier the demo partner's profile names, a payment term, the credit limit check on,
# the integration user with its API key, and the webhook rules that tell the hub about changes.
import os

from odoo.release import version_info

major = version_info[0]
# Odoo 18 made a storable product type 'consu' with is_storable; 15-17 call it detailed_type 'product'.
storable = {'type': 'consu', 'is_storable': True} if major >= 18 else {'detailed_type': 'product'}

company = env.company
us = env.ref('base.us')
illinois = env['res.country.state'].search([('country_id', '=', us.id), ('code', '=', 'IL')], limit=1)

# Scheduled jobs that call Odoo's own servers fail without a network; the suite needs none of them.
for xmlid in ('mail.ir_cron_module_update_notification', 'partner_autocomplete.ir_cron_partner_autocomplete',
              'snailmail.snailmail_print'):
    cron = env.ref(xmlid, raise_if_not_found=False)
    if cron:
        cron.active = False

company.write({'account_use_credit_limit': True, 'country_id': us.id})

net30 = env.ref('account.account_payment_term_30days')
customer = env['res.partner'].create({
    'name': 'DEMO RETAIL', 'ref': 'DEMO', 'is_company': True, 'street': '1 Dock Road', 'city': 'Springfield',
    'zip': '62701', 'country_id': us.id, 'state_id': illinois.id, 'property_payment_term_id': net30.id,
    'email': 'orders@demo-retail.example',
})
env['res.partner'].create({
    'name': 'DEMO RETAIL DC 7', 'type': 'delivery', 'parent_id': customer.id, 'street': '7 Depot Lane',
    'city': 'Joliet', 'zip': '60431', 'country_id': us.id, 'state_id': illinois.id,
})

sale_tax = company.account_sale_tax_id
products = {}
for name, code, barcode, price in (('Widget, blue', 'SKU-1001', '061414110001', 3.49),
                                   ('Widget, red', 'SKU-2002', False, 7.95)):
    products[code] = env['product.product'].create({
        'name': name, 'default_code': code, 'barcode': barcode, 'list_price': price,
        'taxes_id': [(6, 0, sale_tax.ids)], 'weight': 0.25, **storable,
    })

stock = env.ref('stock.stock_location_stock')
for code, quantity in (('SKU-1001', 5000), ('SKU-2002', 2000)):
    env['stock.quant'].with_context(inventory_mode=True).create({
        'product_id': products[code].id, 'location_id': stock.id, 'inventory_quantity': quantity,
    }).action_apply_inventory()

shipping = env['product.product'].create({'name': 'UPS Ground shipping', 'type': 'service', 'list_price': 0})
env['delivery.carrier'].create({'name': 'UPS Ground', 'delivery_type': 'fixed', 'fixed_price': 0,
                                'product_id': shipping.id})

# The integration user: sales, inventory and invoicing rights, no settings.
integration = env['res.users'].create({
    'name': 'Crossdock integration', 'login': 'crossdock', 'email': 'integration@crossdock.example',
    'company_id': company.id, 'company_ids': [(6, 0, company.ids)],
    ('group_ids' if major >= 19 else 'groups_id'): [(6, 0, [env.ref('base.group_user').id, env.ref('sales_team.group_sale_manager').id,
                          env.ref('stock.group_stock_manager').id, env.ref('account.group_account_invoice').id,
                          env.ref('purchase.group_purchase_manager').id]
                         # 19 keeps creating products to its own group.
                         + (env.ref('product.group_product_manager', raise_if_not_found=False) or env['res.groups']).ids)],
})
# 18 added an expiration date to _generate(scope, name), and a user outside Settings may not
# make a key that lives longer than its groups allow (a day by default): an administrator
# (here: sudo) makes the integration user's key without one, as a production install must.
key_args = (None, 'crossdock hub', None) if major >= 18 else (None, 'crossdock hub')
key = env['res.users.apikeys'].with_user(integration).sudo()._generate(*key_args)

# Odoo tells the hub about changes the way a distributor sets it up: automation rules whose action is
# "Send Webhook Notification" to the hub's webhook URL.
hook_url = os.environ.get('REAL_ODOO_WEBHOOK_URL',
                          'http://127.0.0.1:18081/webhooks/odoo/test-hook?secret=test-webhook-secret')
for model, fields in (('stock.picking', ['name', 'state', 'write_date']),
                      ('sale.order', ['name', 'state', 'write_date'])):
    ir_model = env['ir.model']._get(model)
    rule = env['base.automation'].create({
        'name': 'Crossdock: %s changed' % model, 'model_id': ir_model.id, 'trigger': 'on_create_or_write',
    })
    env['ir.actions.server'].create({
        'name': 'Crossdock webhook', 'model_id': ir_model.id, 'state': 'webhook', 'webhook_url': hook_url,
        'usage': 'base_automation', 'base_automation_id': rule.id,
        'webhook_field_ids': [(6, 0, env['ir.model.fields'].search(
            [('model', '=', model), ('name', 'in', fields)]).ids)],
    })

env.cr.commit()
with open(os.environ['REAL_ODOO_KEY_FILE'], 'w') as out:
    out.write(key)
print('seeded: customer %s, products %s, integration user %s' % (customer.id, [p.id for p in products.values()],
                                                                   integration.id))
