declaration template t/functions;

function t_name = TEMPLATE;
